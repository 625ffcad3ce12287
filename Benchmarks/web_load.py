"""1,000 respondents (or N) answering the satisfaction survey on `sondeo serve` at once, each as a
browser does it: open the link, send the four pages (following each redirect with a GET), review and
send. Prints p50 and p99 of every request's latency in milliseconds, the requests that failed, and
the respondents who finished.

    python3 Benchmarks/web_load.py http://127.0.0.1:PORT enlaces.csv
"""
import asyncio
import csv
import re
import sys
import time
import urllib.parse

base, links_file = sys.argv[1], sys.argv[2]
host, port = re.match(r"http://([^:/]+):(\d+)", base).groups()
port = int(port)
latencies, failures = [], []

PAGES = [
    [("pagina", "0"), ("consentimiento", "1")],
    [("pagina", "1"), ("servicio", "2"), ("usos", "5")],
    [("pagina", "2"), ("nps", "9"), ("csat", "4"), ("atributos_amabilidad", "4"), ("atributos_espera", "4"),
     ("atributos_informacion", "5"), ("atributos_sedes", "4")],
    [("pagina", "3")],
    [("accion", "enviar")],
]


async def request(method, path, cookie=None, body=None):
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection(host, port)
    headers = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}", "Connection: close"]
    if cookie:
        headers.append(f"Cookie: {cookie}")
    data = b""
    if body is not None:
        data = urllib.parse.urlencode(body).encode()
        headers += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(data)}", f"Origin: http://{host}:{port}"]
    writer.write(("\r\n".join(headers) + "\r\n\r\n").encode() + data)
    await writer.drain()
    response = await reader.read()
    writer.close()
    latencies.append((time.perf_counter() - started) * 1000)
    head, _, content = response.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head else 0
    return status, head.decode("latin-1"), content.decode("utf-8", "replace")


async def respondent(path):
    try:
        status, head, page = await request("GET", path)
        cookie = re.search(r"Set-Cookie: (sondeo_csrf=[0-9a-f]+)", head).group(1)
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        for fields in PAGES:
            status, _, _ = await request("POST", path, cookie, [("csrf", token)] + fields)
            if status != 303:
                failures.append(f"{path}: {fields[0]} → {status}")
                return False
            status, _, page = await request("GET", path, cookie)
        return "Gracias" in page
    except Exception as error:  # a refused or reset connection counts as a failure, with its reason
        failures.append(f"{path}: {error!r}")
        return False


async def main():
    with open(links_file, newline="", encoding="utf-8") as f:
        paths = [urllib.parse.urlparse(row["enlace"]).path for row in csv.DictReader(f)]
    started = time.perf_counter()
    done = await asyncio.gather(*(respondent(p) for p in paths))
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    p50 = ordered[len(ordered) // 2]
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"{len(paths)} {sum(done)} {len(latencies)} {p50:.1f} {p99:.1f} {elapsed:.1f} {len(failures)}")
    for failure in failures[:5]:
        print("  " + failure, file=sys.stderr)


asyncio.run(main())
