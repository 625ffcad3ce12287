# Sondeo: the two commands a new user needs.
#   make demo   installs what is missing, builds, and runs the end-to-end example
#   make test   installs what is missing and runs the tests
# Both run as root on Debian (apt-get); elsewhere install the packages below by hand.

DEBIAN_PACKAGES = liblapack-dev libopenblas-dev r-mathlib libsqlite3-dev pkg-config libxlsxwriter-dev libreadstat-dev
# The programs the tests open Sondeo's exports with, as independent witnesses: PSPP for .sav, pandas
# (its own Stata reader) for .dta, openpyxl for .xlsx, pyxform for the XLSForm workbook, a Java compiler for the
# answer plans replayed in JavaRosa (the ODK Validate jar pyxform ships), aiosmtpd as the mail server the invitations go to.
WITNESS_PACKAGES = pspp python3-openpyxl python3-pandas python3-pip openssl default-jdk-headless poppler-utils
# For the test that drives the web form in a real browser (skipped, with a message, if they cannot be installed).
BROWSER_PACKAGES = chromium chromium-driver
SWIFT ?= swift
export OPENBLAS_NUM_THREADS ?= 1

.PHONY: demo test build release deps browser-deps witness-deps bench clean

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Instalando paquetes de Debian:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

browser-deps:
	@missing=""; for p in $(BROWSER_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Instalando paquetes de Debian:$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) || echo "No se pudo instalar$$missing: la prueba del navegador se omitirá."; \
	fi; \
	python3 -c "import selenium" 2>/dev/null || pip install --quiet selenium 2>/dev/null || echo "No se pudo instalar Selenium: la prueba del navegador se omitirá."

witness-deps:
	@missing=""; for p in $(WITNESS_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Instalando paquetes de Debian:$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) || echo "No se pudo instalar$$missing: las pruebas que abren las exportaciones con esos programas se omitirán."; \
	fi; \
	python3 -c "import pyxform" 2>/dev/null || pip install --quiet --break-system-packages pyxform 2>/dev/null || pip install --quiet pyxform 2>/dev/null || echo "No se pudo instalar pyxform: la prueba del XLSForm se omitirá."
	python3 -c "import aiosmtpd" 2>/dev/null || pip install --quiet --break-system-packages aiosmtpd 2>/dev/null || pip install --quiet aiosmtpd 2>/dev/null || echo "No se pudo instalar aiosmtpd: la prueba de las invitaciones por correo se omitirá."

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps browser-deps witness-deps
	$(SWIFT) test

demo: release
	./Examples/demo.sh .build/release/sondeo

bench: release
	./Benchmarks/run

clean:
	rm -rf .build
