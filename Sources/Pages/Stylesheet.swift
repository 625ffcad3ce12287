/// The one stylesheet of every page Sondeo makes: inside a document (``Page/document(title:body:)``)
/// and served as `/static/sondeo.css` to the web pages. Readable at 390 px: charts shrink with the
/// screen, tables scroll inside their own box, cards and grids fall into one column under 600 px, and
/// touch targets are at least 44 px. Print styles keep headings with what follows them.
public enum Stylesheet {
    public static let css = """
    :root{--verde:#0b6e4f;--azul:#1d4e89;--texto:#1d2a33;--suave:#4a5a66;--borde:#b8c4cc;--linea:#e1e8e5;--fondo:#f5f8f7}
    *{box-sizing:border-box}
    body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;color:var(--texto);line-height:1.45;margin:0}
    body.documento{max-width:1080px;margin:1.5rem auto;padding:0 1rem}
    h1{font-size:1.6rem;margin:0 0 .3rem} h2{font-size:1.3rem;border-bottom:2px solid var(--verde);padding-bottom:.2rem;margin-top:2.2rem}
    h3{font-size:1.08rem;color:var(--verde);margin:1.6rem 0 .3rem} h4{font-size:1rem;margin:1.2rem 0 .2rem}
    .lead{color:var(--suave);margin:.2rem 0} .small{font-size:.85rem;color:var(--suave)} .meta,.cond{color:#5d6d78;font-size:.85rem;margin:.2rem 0}
    code{background:#eef3f1;padding:.1em .3em;border-radius:3px;overflow-wrap:anywhere} mark{background:#fff3bf}
    .up{color:var(--azul);font-weight:bold} .down{color:#b35900;font-weight:bold} .flag{color:#b26a00}
    .legend span{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 .9em;vertical-align:-.1em}
    /* Tables: a box of their own that scrolls sideways on a narrow screen. */
    .tabla{overflow-x:auto;max-width:100%;margin:.5rem 0 1rem}
    .tabla table,.documento table{border-collapse:collapse;font-size:.92rem}
    .documento th,.documento td{padding:.3rem .6rem;border-bottom:1px solid var(--linea);text-align:left;vertical-align:top}
    .documento th{background:#f2f6f4} .documento td.n,.documento th.n{text-align:right;white-space:nowrap}
    .documento table.num td,.documento table.num th{text-align:right}
    .documento table.num td:first-child,.documento table.num th:first-child,.documento td.text,.documento th.text{text-align:left}
    /* Indicators as cards. */
    .cards{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
    .card{border:1px solid #cfdad5;border-radius:8px;padding:.8rem 1.1rem;min-width:200px;flex:1}
    .card .value{font-size:2.1rem;font-weight:bold;color:var(--verde)} .card .ci{color:var(--suave);font-size:.9rem}
    .semaforo{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.35em;vertical-align:-.05em}
    .verde{background:#2e8b57} .amarillo{background:#e0a800} .rojo{background:#c0392b}
    /* Charts: drawn in their own units, as wide as the screen allows. */
    svg.grafica{max-width:100%;height:auto;display:block} .ancho{overflow-x:auto;max-width:100%} .ancho svg.grafica{max-width:none;min-width:var(--ancho,560px)} svg text{font-size:12px;fill:var(--texto)} svg text.small{fill:var(--suave)}
    .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,520px),1fr));gap:.6rem 1.6rem}
    /* The questionnaire as a document. */
    .documento fieldset{border:1px solid #cfd8dc;border-radius:8px;margin:1rem 0;padding:.8rem 1rem;min-width:0}
    .documento legend{font-weight:bold;padding:0 .3rem} .documento fieldset label{display:block;margin:.25rem 0}
    .scale{display:grid;gap:.2rem;max-width:34rem} .scale label.box{display:flex;flex-direction:column;align-items:center;margin:0}
    .ends{display:flex;justify-content:space-between;max-width:34rem;font-size:.85rem;color:var(--suave);margin-bottom:.4rem}
    .special{color:#5d6d78;font-size:.9rem} .note{background:#eef3f1;padding:.8rem;border-radius:6px}
    .documento textarea,.documento input[type=number],.documento input[type=date]{font:inherit;width:100%;max-width:30rem}
    /* The web form and the staff pages. */
    body.formulario{background:var(--fondo);line-height:1.5}
    main{max-width:720px;margin:0 auto;background:#fff;padding:1.2rem 1.2rem 2rem;min-height:100vh} main.ancha{max-width:1100px}
    .formulario select{font:inherit;font-size:1rem;padding:.45rem;min-height:44px;border:1px solid var(--borde);border-radius:.4rem;background:#fff;max-width:100%}
    td.fecha{white-space:nowrap} .lista input[type=checkbox]{width:1.5rem;height:1.5rem} details.mas{margin:1rem 0} details.mas summary{cursor:pointer;min-height:44px;display:flex;align-items:center;color:var(--azul);font-weight:bold} details.mas summary::before{content:"▸";margin-right:.4em} details.mas[open] summary::before{content:"▾"}
    .marca{color:var(--verde);font-weight:bold;margin:0} .formulario h1{font-size:1.35rem;margin:.2rem 0 .8rem}
    progress.progreso{width:100%;height:.55rem;accent-color:var(--verde)}
    .paso{color:var(--suave);font-size:.9rem;margin:.3rem 0 1rem}
    fieldset.pregunta{border:0;border-top:1px solid var(--linea);margin:0;padding:1rem 0} .formulario legend{font-weight:bold;padding:0;margin-bottom:.5rem;font-size:1.05rem;float:left;width:100%} .formulario legend+*{clear:left}
    .opcional{font-weight:normal;color:var(--suave);font-size:.9rem}
    .opcion{display:flex;gap:.6rem;align-items:flex-start;padding:.55rem .6rem;border:1px solid var(--borde);border-radius:.5rem;margin:.35rem 0;cursor:pointer;min-height:44px}
    .opcion input{width:1.25rem;height:1.25rem;margin-top:.1rem;flex:none}
    .escala{display:flex;flex-wrap:nowrap;gap:2px} .punto{flex:1 1 0;min-width:0;position:relative;display:flex;align-items:center;justify-content:center;border:1px solid var(--borde);border-radius:.4rem;cursor:pointer;min-height:44px;font-variant-numeric:tabular-nums}
    .punto input{position:absolute;inset:0;opacity:0;margin:0;cursor:pointer} .punto:has(input:checked){background:var(--verde);border-color:var(--verde);color:#fff;font-weight:bold}
    .punto:has(input:focus-visible){outline:3px solid var(--verde);outline-offset:2px} .pista{color:var(--suave);font-size:.9rem;margin:.3rem 0}
    .sin-conexion{background:#fff4e0;border:1px solid #b26a00;border-radius:.4rem;padding:.6rem .8rem;color:#5c3700}
    .revision dl{margin:.4rem 0 .8rem} .revision dt{color:var(--suave);font-size:.92rem;margin-top:.6rem} .revision dd{margin:.1rem 0 0;font-weight:bold}
    .especiales label{display:inline-flex;align-items:center;gap:.4rem;min-height:44px;padding:0 .6rem 0 0} .especiales input{width:1.2rem;height:1.2rem}
    .extremos{display:flex;justify-content:space-between;color:var(--suave);font-size:.85rem;margin-top:.3rem}
    input.numero,input.corto,.formulario textarea,.formulario input[type=date],.formulario input[type=time],.formulario input[type=datetime-local]{font-size:1.05rem;padding:.5rem;border:1px solid var(--borde);border-radius:.4rem;width:100%;max-width:22rem}
    .formulario textarea{max-width:100%}
    table.matriz{border-collapse:collapse;width:100%;font-size:.92rem} .matriz th,.matriz td{padding:.45rem .3rem;border-bottom:1px solid var(--linea);text-align:center}
    .matriz th[scope=row]{text-align:left;font-weight:normal} .matriz input{width:1.2rem;height:1.2rem}
    .especiales{margin-top:.5rem;font-size:.85rem;color:var(--suave)} .especiales label{margin-right:1rem;cursor:pointer}
    .errores{border:2px solid #a8322a;background:#fdf0ef;padding:.6rem 1rem;border-radius:.5rem} .errores a{color:#8a241d}
    .error{color:#a8322a;font-weight:bold;margin:.2rem 0} .invalida legend{color:#8a241d}
    .acciones{margin-top:1.2rem;display:flex;flex-direction:row-reverse;justify-content:flex-end;gap:.8rem}
    button{font-size:1.1rem;background:var(--verde);color:#fff;border:0;border-radius:.5rem;padding:.75rem 1.6rem;cursor:pointer;min-height:44px}
    button:focus,input:focus,textarea:focus,a:focus{outline:3px solid #f2b705;outline-offset:2px}
    button.secundario{background:#fff;color:var(--verde);border:2px solid var(--verde)}
    .confirma{display:flex;gap:.5rem;align-items:center;margin:.4rem 0;font-weight:bold} .confirma input{width:1.3rem;height:1.3rem}
    .matriz th.especial,.matriz td.especial{font-size:.8rem;color:var(--suave)} .caja-matriz{overflow-x:auto;max-width:100%}
    .mensaje{font-size:1.1rem} .instruccion{color:#5b3f99;font-style:italic;margin:.2rem 0 .5rem} .ayuda{color:#4a5560;font-size:.95rem;margin:.1rem 0 .6rem}
    .banner{background:#eef3f1;margin:-1.2rem -1.2rem 1rem;padding:.5rem 1.2rem;font-size:.9rem}
    table.lista{border-collapse:collapse;width:100%} .lista th,.lista td{padding:.35rem .5rem;border-bottom:1px solid var(--linea);text-align:left}
    .lista td.n{text-align:right;white-space:nowrap} label.campo{display:block;margin:.8rem 0 .2rem;font-weight:bold}
    input.texto{font-size:1.05rem;padding:.5rem;border:1px solid var(--borde);border-radius:.4rem;width:100%;max-width:22rem}
    [hidden]{display:none !important} .solo-movil{display:none}
    /* Narrow screens: one column. */
    @media (max-width:600px){ body.documento{margin:.8rem auto;padding:0 .7rem} h1{font-size:1.35rem} h2{font-size:1.15rem}
      .card{min-width:100%} .card .value{font-size:1.8rem} }
    @media (max-width:480px){ .matriz thead{display:none} .matriz tr{display:block;border-bottom:1px solid var(--linea);padding:.4rem 0}
      .matriz th[scope=row]{display:block;font-weight:bold} .matriz td{display:block;border:0;text-align:left;padding:.15rem 0}
      .matriz td label{display:flex;gap:.6rem;align-items:center;min-height:44px} .solo-movil{display:inline} }
    /* Paper: headings stay with what follows, charts and tables are not cut. */
    @media print{ body.documento{margin:0;max-width:none} h2,h3,h4{break-after:avoid} svg.grafica,.card,tr{break-inside:avoid}
      .tabla{overflow:visible} a{color:inherit;text-decoration:none} }
    """
}
