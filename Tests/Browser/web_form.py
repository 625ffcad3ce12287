#!/usr/bin/env python3
"""A whole web interview in a real headless Chromium (Selenium + Debian's chromium-driver), as a respondent
would answer it: a required question left empty, NS marked with its discreet box, a number out of range, a warning
confirmed, «Anterior» keeping the answers, NS in a grid row,
the server killed and restarted half-way (the saved pages stay), questions shown and hidden by earlier answers
on the same page, a <script> typed as an answer, and the thanks. Screenshots at a phone width (390 px) and a desktop width (1100 px) go to the output folder.

Usage: web_form.py SONDEO_BINARY REPOSITORY OUTPUT_FOLDER
Prints "OK" at the end; any failed check raises and exits non-zero. Run by Tests/SondeoWebTests."""
import csv
import os
import socket
import subprocess
import json
import sqlite3
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import NoAlertPresentException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sondeo, repo, out = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
store = os.path.join(out, "web.sqlite")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(store + suffix):
        os.remove(store + suffix)


def run(*args):
    subprocess.run([sondeo, *args, "--store", store], check=True, capture_output=True, text=True)


run("questionnaire", "publish", os.path.join(repo, "Questionnaires/satisfaccion-servicios.encuesta"))
sample = os.path.join(out, "muestra.csv")
subprocess.run([sondeo, "sample", "draw", os.path.join(repo, "Examples/data/afiliados.csv"), "--strata", "categoria", "--total", "20",
                "--seed", "7", "--out", sample], check=True, capture_output=True)
run("sample", "load", sample, "--questionnaire", "satisfaccion_servicios")
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
links = os.path.join(out, "enlaces.csv")
run("serve", "links", "satisfaccion_servicios", "--base-url", f"http://127.0.0.1:{port}", "--out", links)
link = next(csv.DictReader(open(links, encoding="utf-8")))["enlace"]


def wait_for_server():
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)


server = subprocess.Popen([sondeo, "serve", "satisfaccion_servicios", "--port", str(port), "--store", store],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    wait_for_server()
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(2)

    def shot(name, width):
        driver.set_window_size(width, 1000)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, max(600, height + 120))
        driver.save_screenshot(os.path.join(out, f"{name}-{width}.png"))

    def click(css):
        driver.find_element(By.CSS_SELECTOR, css).click()

    def send():
        # Wait for the next page: the old document goes stale once the browser has loaded the answer.
        old = driver.find_element(By.TAG_NAME, "html")
        click("button[type=submit]")
        WebDriverWait(driver, 10).until(lambda _: gone(old))

    def gone(element):
        # Selenium's staleness_of only counts StaleElementReferenceException; mid-navigation Chromium may
        # answer "Node with given id does not belong to the document" instead, which is just as stale.
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True

    # Page 1: consent. Sent empty: the required answer is asked for, in Spanish.
    driver.get(link)
    assert "Página 1 de 4" in driver.page_source
    shot("01-consentimiento", 390)
    send()
    assert "Responda esta pregunta." in driver.page_source, driver.page_source
    shot("02-error-obligatoria", 390)
    click("input[name=consentimiento][value='1']")
    send()

    # Page 2: service as «No sabe» (the discreet box), uses out of range, then fixed.
    assert "Página 2 de 4" in driver.page_source
    # The range is said under the box, and a phone opens its digits-only keyboard for a whole number.
    assert driver.find_element(By.ID, "h-usos").text == "Número de 1 a 90"
    assert driver.find_element(By.NAME, "usos").get_attribute("inputmode") == "numeric"
    click("input[name=servicio__especial][value='NS']")
    driver.find_element(By.NAME, "usos").send_keys("95")
    send()
    assert "95 es mayor que el máximo 90." in driver.page_source
    shot("03-error-rango", 1100)
    # 45 uses: the questionnaire's warning (advertir usos <= 30) stops the page until it is confirmed.
    usos = driver.find_element(By.NAME, "usos")
    usos.clear()
    usos.send_keys("45")
    assert driver.find_element(By.CSS_SELECTOR, "input[name=servicio__especial][value='NS']").is_selected()
    send()
    assert "Más de 30 usos en tres meses" in driver.page_source, driver.page_source
    click("input[name=confirma][value='usos']")
    send()

    # The server is killed (SIGKILL) after two pages and started again: the saved pages are there and
    # the same link goes on at page 3.
    server.kill()
    server.wait()
    server = subprocess.Popen([sondeo, "serve", "satisfaccion_servicios", "--port", str(port), "--store", store],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_server()
    driver.get(link)

    # «Anterior» from page 3 shows page 2 with its answers kept; going on asks to confirm the warning again.
    assert "Página 3 de 4" in driver.page_source
    old = driver.find_element(By.TAG_NAME, "html")
    click("button[name=accion][value=anterior]")
    WebDriverWait(driver, 10).until(lambda _: gone(old))
    assert "Página 2 de 4" in driver.page_source
    assert driver.find_element(By.NAME, "usos").get_attribute("value") == "45"
    assert driver.find_element(By.CSS_SELECTOR, "input[name=servicio__especial][value='NS']").is_selected()
    send()
    click("input[name=confirma][value='usos']")
    send()

    # Page 3: NPS 5 shows the reason; a CSAT of 2 shows «razones» (mostrar si csat en (1, 2, 3)).
    assert "Página 3 de 4" in driver.page_source
    razon = driver.find_element(By.ID, "p-nps_razon")
    assert not razon.is_displayed()
    click("input[name=nps][value='5']")
    # The score is piped into the next question's text as soon as it is chosen, not «—».
    assert driver.find_element(By.CSS_SELECTOR, "#p-nps_razon [data-pipe=nps]").text == "5"
    assert razon.is_displayed()
    driver.find_element(By.NAME, "nps_razon").send_keys("<script>alert('x')</script> mala atención")
    # Sent without the required CSAT: the page comes back with the typed text as text, never as a script.
    send()
    assert driver.find_element(By.ID, "e-csat").text == "Responda esta pregunta."
    try:
        driver.switch_to.alert
        raise AssertionError("the typed <script> ran")
    except NoAlertPresentException:
        pass
    assert driver.find_element(By.NAME, "nps_razon").get_attribute("value") == "<script>alert('x')</script> mala atención"
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in driver.page_source or "&lt;script&gt;alert('x')&lt;/script&gt;" in driver.page_source
    razones = driver.find_element(By.ID, "p-razones")
    assert not razones.is_displayed()
    click("input[name=csat][value='2']")
    assert razones.is_displayed()
    click("input[name=razones][value='2']")
    for row in ("amabilidad", "informacion"):
        click(f"input[name=atributos_{row}][value='3']")
    # NS in a grid row: its own column, exclusive with the scale's answers.
    click("input[name=atributos_espera][value='3']")
    click("input[name=atributos_espera__especial][value='NS']")
    assert not driver.find_element(By.CSS_SELECTOR, "input[name=atributos_espera][value='3']").is_selected()
    # «sedes» applies only to services 2, 3 and 6: with NS it is not shown.
    assert len(driver.find_elements(By.CSS_SELECTOR, "input[name=atributos_sedes]")) == 0 or \
        not driver.find_element(By.CSS_SELECTOR, "tr[data-var=atributos_sedes]").is_displayed()
    shot("04-indicadores", 390)
    # On a 390 px phone the 0–10 scale is one row of eleven targets, each at least 44 px tall.
    tops = driver.execute_script("return [...document.querySelectorAll('#p-nps .punto')].map(e => [e.getBoundingClientRect().top, e.getBoundingClientRect().height])")
    assert len(tops) == 11 and len({round(t) for t, _ in tops}) == 1 and min(h for _, h in tops) >= 44, tops
    shot("04-indicadores", 1100)
    send()

    # Page 4: what to improve (csat en (1, 2)); contact shown once it is answered.
    assert "Página 4 de 4" in driver.page_source
    contacto = driver.find_element(By.ID, "p-contacto")
    assert not contacto.is_displayed()
    driver.find_element(By.NAME, "mejora").send_keys("Más personal en la sede")
    driver.find_element(By.NAME, "mejora").send_keys("\t")
    assert contacto.is_displayed()
    click("input[name=contacto][value='1']")
    shot("05-cierre", 390)
    # The connection drops as the page is sent: the answers stay in the phone, a notice says so, nothing
    # reaches the store; when the connection returns they are sent by themselves, once.
    def stored_page():
        with sqlite3.connect(store) as db:
            return json.loads(db.execute("SELECT answers FROM interview").fetchone()[0]).get("_pagina")
    before = stored_page()
    driver.set_network_conditions(offline=True, latency=5, download_throughput=500 * 1024, upload_throughput=500 * 1024)
    click("form#encuesta button[type=submit]")
    WebDriverWait(driver, 10).until(lambda _: driver.find_elements(By.CSS_SELECTOR, ".sin-conexion"))
    assert "Sin conexión" in driver.find_element(By.CSS_SELECTOR, ".sin-conexion").text
    assert len(driver.execute_script("return Object.keys(localStorage)")) == 1
    assert stored_page() == before
    shot("05-sin-conexion", 390)
    driver.set_network_conditions(offline=False, latency=5, download_throughput=500 * 1024, upload_throughput=500 * 1024)
    WebDriverWait(driver, 10).until(lambda _: "Revise sus respuestas" in driver.page_source)
    assert driver.execute_script("return Object.keys(localStorage)") == []
    assert stored_page() == 3

    # The review: every page's answers as read back; nothing is sent until «Enviar respuestas».
    assert "Revise sus respuestas antes de enviarlas" in driver.page_source, driver.page_source
    answers = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".revision dd")]
    assert "«Más personal en la sede»" in answers and "No sabe" in answers and "45" in answers, answers
    shot("06-revision", 390)
    # «Cambiar» on «Uso del servicio» opens page 2 with its answers; 20 uses, then on to the review again.
    old = driver.find_element(By.TAG_NAME, "html")
    click("button[value='cambiar-1']")
    WebDriverWait(driver, 10).until(lambda _: gone(old))
    assert "Página 2 de 4" in driver.page_source
    assert driver.find_element(By.NAME, "usos").get_attribute("value") == "45"
    usos = driver.find_element(By.NAME, "usos")
    usos.clear()
    usos.send_keys("20")
    send()
    send()
    send()
    assert "Revise sus respuestas" in driver.page_source
    assert "20" in [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".revision dd")]
    old = driver.find_element(By.TAG_NAME, "html")
    click("button[value='enviar']")
    WebDriverWait(driver, 10).until(lambda _: gone(old))
    assert "Gracias" in driver.page_source
    shot("07-gracias", 390)

    # The same link again: the interview is closed; a made-up token opens nothing.
    driver.get(link)
    assert "ya quedaron registradas" in driver.page_source
    driver.get(f"http://127.0.0.1:{port}/r/" + "0" * 32)
    assert "Enlace no válido" in driver.page_source
    driver.quit()
finally:
    server.terminate()
    server.wait()

# The answers are in the store as typed, and the <script> is inert in the export and in the report.
export = os.path.join(out, "entrevistas.csv")
run("responses", "export", "satisfaccion_servicios", "--out", export)
row = next(csv.DictReader(open(export, encoding="utf-8")))
assert row["_modo"] == "web" and row["_disposicion"] == "completa", row
assert row["servicio"] == "98" and row["usos"] == "20" and row["nps"] == "5" and row["csat"] == "2", row
assert row["atributos_espera"] == "98" and row["atributos_amabilidad"] == "3" and len(row["_orden"]) == 16, row
assert row["nps_razon"] == "<script>alert('x')</script> mala atención", row
assert row["razones_2"] == "1" and row["contacto"] == "1", row
# Paradata: headless Chromium on Linux is a computer; each page's seconds and the whole length are numbers.
assert row["_dispositivo"] == "computador", row
assert float(row["_seg_p1"]) >= 0 and float(row["_seg_p2"]) >= 0 and float(row["_duracion_seg"]) >= 0, row
report = os.path.join(out, "reporte.html")
subprocess.run([sondeo, "report", export, "--questionnaire", os.path.join(repo, "Questionnaires/satisfaccion-servicios.encuesta"),
                "--out", report, "--lonely-psu", "adjust"], check=True, capture_output=True)
assert "<script>alert" not in open(report, encoding="utf-8").read()
print("OK")
