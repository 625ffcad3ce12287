/// The part of `form.js` that keeps a respondent's page when the connection fails. Every page (and the
/// review) is sent with `fetch`; when the network is down the answers of the page are kept in the
/// browser (`localStorage`, under the link's path), a notice says so, and they are sent again by
/// themselves when the connection returns (the `online` event, or the next time the link opens). The
/// server applies a page once: a page it already stored is not the next page any more, so a resend
/// (or a double tap) only redirects to where the interview stands — the page number is the
/// idempotency key. A server answer that is not a redirect (a page with problems) is shown by sending
/// the form the ordinary way.
enum OfflineScript {
    static let js = #"""
    (function () {
      if (!window.fetch || !window.localStorage || !window.URLSearchParams) return;
      var key = "sondeo-pendiente:" + location.pathname;
      var offline = "Sin conexión: las respuestas de esta página quedaron guardadas en este teléfono y se enviarán solas cuando vuelva la conexión. No cierre esta página.";
      var note = null;
      function say(text) {
        if (!note) {
          note = document.createElement("p");
          note.className = "sin-conexion";
          note.setAttribute("role", "status");
          var header = document.querySelector("header");
          if (header) header.insertAdjacentElement("afterend", note); else document.body.insertBefore(note, document.body.firstChild);
        }
        note.textContent = text;
      }
      function post(body) {
        return fetch(location.pathname, { method: "POST", body: body, credentials: "same-origin",
          headers: { "Content-Type": "application/x-www-form-urlencoded" } });
      }
      function resend() {
        var body = localStorage.getItem(key);
        if (!body) return;
        say("Enviando las respuestas guardadas en este teléfono…");
        post(body).then(function () {
          localStorage.removeItem(key);
          location.replace(location.pathname);
        }, function () { say(offline); });
      }
      document.querySelectorAll("form#encuesta, form#revision").forEach(function (form) {
        form.addEventListener("submit", function (event) {
          if (form.getAttribute("data-enviando") === "normal") return;
          event.preventDefault();
          var body = new URLSearchParams(new FormData(form));
          var button = event.submitter;
          if (button && button.name) body.append(button.name, button.value);
          post(body.toString()).then(function (response) {
            if (response.redirected && response.ok) { location.replace(response.url); return; }
            // Problems to show (or a refusal): the ordinary submission renders them.
            if (button && button.name) {
              var hidden = document.createElement("input");
              hidden.type = "hidden"; hidden.name = button.name; hidden.value = button.value;
              form.appendChild(hidden);
            }
            form.setAttribute("data-enviando", "normal");
            HTMLFormElement.prototype.submit.call(form);
          }, function () {
            localStorage.setItem(key, body.toString());
            say(offline);
          });
        });
      });
      window.addEventListener("online", resend);
      if (navigator.onLine !== false) resend();
    })();
    """#
}
