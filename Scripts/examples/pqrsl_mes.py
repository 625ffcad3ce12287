#!/usr/bin/env python3
"""Writes Examples/data/pqrsl_octubre.csv: a realistic month of PQRSL cases received by Confa in October 2026,
for `sondeo cases import` (the columns of `sondeo cases import --help`). Seed 20261031.

Mix (by count): peticiones 30 %, reclamos 33 % (about three quarters about subsidies), quejas 17 %, sugerencias 7 %,
felicitaciones 7 %, petición de documentos 4 %, consultas 2 %; about 4 % come from the SSF (mailbox of
Secretaría General, with a certificate once answered). Channels: web, correo, presencial, telefono, chat,
redes, buzón (opened on business days; the deposit one or two days earlier), correo-ssf. Most cases are
answered 2 to 23 calendar days after receipt (some late), up to 13 November; the rest are still open. Colombian holidays of October–November 2026 (12 Oct, 2 Nov, 16 Nov) are skipped for receipt
days of the offices and the buzón.

Usage: python3 Scripts/examples/pqrsl_mes.py > Examples/data/pqrsl_octubre.csv"""
import csv
import datetime as dt
import random
import sys

rng = random.Random(20261031)
holidays = {dt.date(2026, 10, 12), dt.date(2026, 11, 2), dt.date(2026, 11, 16), dt.date(2026, 12, 8)}
business = lambda d: d.weekday() < 5 and d not in holidays
services = ["subsidio", "recreacion", "educacion", "credito", "vivienda", "salud", "afiliaciones", "atencion"]
service_weights = [30, 14, 10, 9, 6, 17, 8, 6]
attributes = ["oportunidad", "amabilidad", "informacion", "infraestructura", "tramites", "costo"]
texts = {
    "peticion": ["Solicito información sobre la cuota monetaria", "Quiero saber cómo afiliar a mi hijo", "Pido el estado de mi solicitud de crédito",
                 "Necesito conocer los requisitos del subsidio de vivienda"],
    "peticion-documentos": ["Solicito certificado de afiliación", "Pido copia de mi historia clínica", "Necesito el certificado de aportes del año"],
    "consulta": ["Consulta sobre el alcance del subsidio para pensionados", "Consulta sobre la compatibilidad de dos subsidios"],
    "queja": ["Me atendieron con mala actitud en la sede", "Esperé más de dos horas para ser atendido", "Nadie contesta el teléfono",
              "La piscina estaba sucia"],
    "reclamo": ["No me llegó la cuota monetaria de septiembre", "Me cobraron dos veces la matrícula", "El subsidio quedó mal liquidado",
                "Me negaron el crédito sin explicación"],
    "sugerencia": ["Deberían ampliar el horario los sábados", "Pongan más sillas en la sala de espera", "Publiquen los turnos en la página"],
    "felicitacion": ["Excelente atención de la enfermera", "Muy buena la jornada de recreación", "Gracias por la rapidez del trámite"],
}
types = ["peticion", "reclamo", "queja", "sugerencia", "felicitacion", "peticion-documentos", "consulta"]
type_weights = [30, 33, 17, 7, 7, 4, 2]
channels = ["web", "correo", "presencial", "telefono", "chat", "redes", "buzon"]
channel_weights = [26, 18, 22, 14, 8, 5, 7]
names = ["María Gómez", "Jorge Ramírez", "Luz Marina Ospina", "Carlos Arango", "Diana Castaño", "Andrés Giraldo", "Paula Henao", "Luis Fernando Ríos"]

columns = ["radicado", "canal", "tipo", "servicio", "atributo", "tipo_ssf", "subsidio", "desde_ssf", "texto", "peticionario", "recibido",
           "depositado", "termino_ssf", "fecha_respuesta", "canal_respuesta", "certificado_ssf"]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(columns)
day = dt.date(2026, 10, 1)
number = 0
while day <= dt.date(2026, 10, 31):
    count = 0 if day.weekday() == 6 else (rng.randint(3, 8) if day.weekday() == 5 or day in holidays else rng.randint(30, 44))
    for _ in range(count):
        number += 1
        kind = rng.choices(types, type_weights)[0]
        channel = rng.choices(channels, channel_weights)[0]
        if not business(day) and channel in ("presencial", "telefono", "buzon"):
            channel = "web"
        from_ssf = rng.random() < 0.04 and kind in ("peticion", "queja", "reclamo")
        if from_ssf:
            channel = "correo-ssf"
        service = rng.choices(services, service_weights)[0]
        subsidy = service == "subsidio" or (kind == "reclamo" and rng.random() < 0.85)
        if subsidy and kind == "reclamo":
            service = "subsidio"
        row = dict.fromkeys(columns, "")
        row.update(radicado=f"CONFA-2026-{number:06d}", canal=channel, tipo=kind, servicio=service,
                   atributo=rng.choice(attributes) if kind in ("queja", "reclamo", "sugerencia") else "",
                   subsidio="si" if subsidy else "no", desde_ssf="si" if from_ssf else "no",
                   texto=rng.choice(texts[kind]), peticionario=rng.choice(names), recibido=day.isoformat())
        if from_ssf:
            row["tipo_ssf"] = "queja-subsidio" if subsidy else ("reclamo-afiliacion" if kind == "reclamo" else "peticion-informacion")
        if channel == "buzon":
            row["depositado"] = (day - dt.timedelta(days=rng.randint(0, 2))).isoformat()
        lag = rng.choice([2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 19, 23])
        answered = day + dt.timedelta(days=lag)
        while not business(answered):
            answered += dt.timedelta(days=1)
        if answered <= dt.date(2026, 11, 13) and rng.random() < 0.95:
            row["fecha_respuesta"] = answered.isoformat()
            row["canal_respuesta"] = rng.choice(["correo", "correo", "carta", "telefono"])
            if from_ssf:
                row["certificado_ssf"] = f"SSF-{rng.randint(100000, 999999)}"
        out.writerow([row[c] for c in columns])
    day += dt.timedelta(days=1)
