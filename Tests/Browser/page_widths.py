#!/usr/bin/env python3
"""Opens each page given in headless Chromium at 390 px and 1280 px and checks what a person sees:
the page is never wider than the screen (wide tables and charts scroll inside their own box), and the
text of every chart is drawn at 9 px or more (a chart that would shrink further sits in a sideways
scrolling box). Saves a screenshot of each in OUTPUT. Prints OK, or each failure.

    python3 Tests/Browser/page_widths.py OUTPUT page.html [page.html …]"""
import os
import sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

output, pages = sys.argv[1], sys.argv[2:]
os.makedirs(output, exist_ok=True)
options = Options()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu"):
    options.add_argument(flag)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
failures = []
try:
    for width in (390, 1280):
        driver.set_window_size(width, 900)
        for page in pages:
            driver.get("file://" + os.path.abspath(page))
            name = os.path.basename(page)
            inner = driver.execute_script("return document.documentElement.clientWidth")
            scroll = driver.execute_script("return document.documentElement.scrollWidth")
            if scroll > inner:
                failures.append(f"{name} at {width} px: the page is {scroll} px wide, the screen {inner}")
            small = driver.execute_script("""
                return [...document.querySelectorAll('svg.grafica')].map(svg => {
                  const box = svg.viewBox.baseVal, shown = svg.getBoundingClientRect().width;
                  const size = parseFloat(getComputedStyle(svg.querySelector('text') || svg).fontSize) * shown / box.width;
                  return [svg.getAttribute('aria-label'), size];
                }).filter(([label, size]) => size < 9).map(([label, size]) => label + ' ' + size.toFixed(1) + ' px');
            """)
            failures += [f"{name} at {width} px: chart text too small: {s}" for s in small]
            driver.save_screenshot(os.path.join(output, f"{name}-{width}.png"))
finally:
    driver.quit()
print("\n".join(failures) if failures else "OK")
