#!/usr/bin/env python3
"""The PQRSL desk (/casos) in a real headless Chromium, as the auxiliar and the aprendiz use it: the auxiliar
logs in, files a queja received on Tue 3 Nov 2026 (due Wed 25 Nov: 15 business days, 16 Nov a holiday),
classifies it, keeps the scanned form with it (its SHA-256 checked in the browser against Python's hashlib),
tries to answer before the filing (refused with the rule's words), answers and closes it; the aprendiz logs in,
finds it in the verification queue and records the call with its time. Every page is also shot at 390 and
1280 px and must never be wider than the screen.

Usage: desk.py SONDEO_BINARY REPOSITORY OUTPUT_FOLDER
Prints "OK" at the end; any failed check raises and exits non-zero. Run by Tests/SondeoCLITests/BrowserTests."""
import hashlib
import os
import socket
import sqlite3
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

sondeo, repo, out = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
os.makedirs(out, exist_ok=True)
store = os.path.join(out, "desk.sqlite")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(store + suffix):
        os.remove(store + suffix)


def run(*args, stdin=None):
    subprocess.run([sondeo, *args, "--store", store], check=True, capture_output=True, text=True, input=stdin)


run("questionnaire", "publish", os.path.join(repo, "Questionnaires/satisfaccion-servicios.encuesta"))
run("serve", "user", "aux1", "--role", "auxiliar", "--name", "Marcela Ospina", stdin="clave-de-la-auxiliar-1\n")
run("serve", "user", "apr1", "--role", "aprendiz", "--name", "Julián Arango", stdin="clave-del-aprendiz-1\n")
# The scanned form: bytes that are not text, with a line that looks like a multipart boundary.
scan = os.path.join(out, "formato_escaneado.pdf")
with open(scan, "wb") as f:
    f.write(b"%PDF-1.4\r\n------WebKitFormBoundary\r\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
expected_sha = hashlib.sha256(open(scan, "rb").read()).hexdigest()

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen([sondeo, "serve", "run", "satisfaccion_servicios", "--port", str(port), "--store", store,
                           "--catalog", os.path.join(repo, "Examples/data/catalogo_pqrsl.csv")],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
base = f"http://127.0.0.1:{port}"
driver = None
try:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(2)

    def shot(name):
        """The page at a phone's and a desk's width: never wider than the screen."""
        for width in (390, 1280):
            driver.set_window_size(width, 1000)
            wide = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert wide <= 0, f"{name} at {width} px is {wide} px wider than the screen"
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(width, max(600, height + 120))
            driver.save_screenshot(os.path.join(out, f"casos-{name}-{width}.png"))
        driver.set_window_size(1280, 1000)

    def submit(form):
        old = driver.find_element(By.TAG_NAME, "html")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(driver, 10).until(lambda d: old.id != d.find_element(By.TAG_NAME, "html").id)

    def action(value):
        """The form of one action on the case page, unfolded as a person clicks its title."""
        form = driver.find_element(By.XPATH, f"//form[input[@name='accion' and @value='{value}']]")
        details = form.find_element(By.XPATH, "./ancestor::details[1]")
        if details.get_attribute("open") is None:
            details.find_element(By.TAG_NAME, "summary").click()
        return form

    def set_value(form, name, value):
        # Date and time inputs take their value the same way in every locale through the DOM.
        field = form.find_element(By.NAME, name)
        driver.execute_script("arguments[0].value = arguments[1]", field, value)

    def login(code, password):
        driver.get(base + "/salir")
        driver.get(base + "/ingresar")
        driver.find_element(By.ID, "codigo").send_keys(code)
        driver.find_element(By.ID, "clave").send_keys(password)
        submit(driver.find_element(By.TAG_NAME, "form"))

    def text():
        return driver.find_element(By.TAG_NAME, "body").text

    # The auxiliar: the login lands on the case list.
    login("aux1", "clave-de-la-auxiliar-1")
    assert driver.current_url == base + "/casos", driver.current_url
    assert "Marcela Ospina (auxiliar)" in text()
    driver.find_element(By.LINK_TEXT, "radicar").click()
    shot("radicar")
    form = driver.find_element(By.CSS_SELECTOR, "form[action='/casos/nuevo']")
    Select(form.find_element(By.NAME, "canal")).select_by_value("web")
    Select(form.find_element(By.NAME, "tipo")).select_by_value("queja")
    Select(form.find_element(By.NAME, "servicio")).select_by_visible_text("Salud (IPS Confa)")
    form.find_element(By.NAME, "texto").send_keys("Esperé dos horas para la cita de medicina general y nadie me informó.")
    form.find_element(By.NAME, "peticionario").send_keys("Ana Ríos, ana.rios@example.co, 310 555 0101")
    set_value(form, "recibido", "2026-11-03")
    submit(form)
    assert driver.current_url.endswith("/casos/CONFA-2026-000001?hecho=radicado"), driver.current_url
    assert "Caso radicado." in text() and "miércoles 2026-11-25 (15 días hábiles)" in text(), text()

    form = action("clasificar")
    Select(form.find_element(By.NAME, "atributo")).select_by_visible_text("Oportunidad")
    submit(form)
    assert "Clasificación guardada." in text(), text()

    form = driver.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data']")
    Select(form.find_element(By.NAME, "tipo")).select_by_value("formato")
    form.find_element(By.NAME, "archivo").send_keys(scan)
    submit(form)
    assert "Documento guardado." in text(), text()
    link = driver.find_element(By.LINK_TEXT, "formato_escaneado.pdf")
    assert link.get_attribute("href").endswith("/documentos/" + expected_sha), link.get_attribute("href")
    # The document back, hashed by the browser's own SHA-256.
    got = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => crypto.subtle.digest('SHA-256', b))
          .then(d => done(Array.from(new Uint8Array(d)).map(x => x.toString(16).padStart(2, '0')).join('')))
          .catch(e => done('error ' + e));""", link.get_attribute("href"))
    assert got == expected_sha, got

    # An answer dated before the filing is refused with the rule's words; nothing changes.
    form = action("responder")
    set_value(form, "fecha", "2026-11-01")
    form.find_element(By.NAME, "canal").send_keys("correo")
    submit(form)
    assert "no puede ser anterior a la radicación" in text(), text()
    db = sqlite3.connect(store)
    assert db.execute("select state from pqrs_case where radicado = 'CONFA-2026-000001'").fetchone()[0] == "asignado"
    form = action("responder")
    set_value(form, "fecha", "2026-11-20")
    form.find_element(By.NAME, "canal").clear()
    form.find_element(By.NAME, "canal").send_keys("correo")
    submit(form)
    assert "Respuesta registrada." in text(), text()
    form = action("cerrar")
    set_value(form, "fecha", "2026-11-20")
    submit(form)
    assert "Cierre registrado." in text() and "en verificación" in text(), text()
    shot("caso")
    driver.get(base + "/casos")
    shot("lista")
    # A month typed by hand in the address that is not aaaa-mm: said on the page, the list still shown.
    driver.get(base + "/casos?mes=2026-1")
    assert "«2026-1» no es un mes: escríbalo aaaa-mm (p. ej. 2026-10)" in text() and "CONFA-2026-000001" in text(), text()
    shot("lista-mes-mal-escrito")
    driver.get(base + "/casos/pendientes")
    shot("pendientes")
    # Step 30: the auxiliar routes the call to the aprendiz.
    driver.get(base + "/casos/verificar")
    driver.find_element(By.CSS_SELECTOR, "input[name='radicado'][value='CONFA-2026-000001']").click()
    form = driver.find_element(By.CSS_SELECTOR, "form[action='/casos/verificar']")
    Select(form.find_element(By.NAME, "aprendiz")).select_by_value("apr1")
    submit(form)
    assert "Julián Arango" in text(), text()
    shot("enrutar")
    driver.get(base + "/casos/informe?mes=2026-11")
    assert "PQRSL de 2026-11" in text(), text()
    shot("informe")

    # The aprendiz: lands on the calls to make, records one with its time, and sees no other action.
    login("apr1", "clave-del-aprendiz-1")
    assert driver.current_url == base + "/casos/verificar", driver.current_url
    assert "1 caso por llamar" in text(), text()
    shot("verificar")
    driver.find_element(By.LINK_TEXT, "CONFA-2026-000001").click()
    assert not driver.find_elements(By.XPATH, "//input[@name='accion' and @value!='verificar']")
    form = action("verificar")
    Select(form.find_element(By.NAME, "resultado")).select_by_value("contactado")
    Select(form.find_element(By.NAME, "satisfecho")).select_by_value("si")
    set_value(form, "fecha", "2026-11-23")
    set_value(form, "hora", "10:30")
    form.find_element(By.NAME, "notas").send_keys("Quedó conforme con la explicación")
    submit(form)
    assert "Llamada de verificación registrada." in text(), text()
    row = db.execute("select c.state, c.verification, a.on_date, a.at_time, a.actor from pqrs_case c join pqrs_verification_attempt a using (radicado)").fetchone()
    assert row == ("cerrado", "contactado", "2026-11-23", "10:30", "apr1"), row
    print("OK")
finally:
    if driver:
        driver.quit()
    server.terminate()
    server.wait()
