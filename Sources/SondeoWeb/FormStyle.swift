/// The one stylesheet of the form and staff pages (served as /static/form.css).
extension FormHTML {
    static let css = """
    :root{--verde:#0b6e4f;--texto:#1d2a33;--suave:#4a5a66;--borde:#b8c4cc}
    *{box-sizing:border-box} body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;color:var(--texto);margin:0;background:#f5f8f7;line-height:1.5}
    main{max-width:720px;margin:0 auto;background:#fff;padding:1.2rem 1.2rem 2rem;min-height:100vh}
    .marca{color:var(--verde);font-weight:bold;margin:0} h1{font-size:1.35rem;margin:.2rem 0 .8rem}
    progress.progreso{width:100%;height:.55rem;accent-color:var(--verde)}
    .paso{color:var(--suave);font-size:.9rem;margin:.3rem 0 1rem}
    fieldset.pregunta{border:0;border-top:1px solid #e1e8e5;margin:0;padding:1rem 0} legend{font-weight:bold;padding:0;margin-bottom:.5rem;font-size:1.05rem}
    .opcional{font-weight:normal;color:var(--suave);font-size:.9rem}
    .opcion{display:flex;gap:.6rem;align-items:flex-start;padding:.55rem .6rem;border:1px solid var(--borde);border-radius:.5rem;margin:.35rem 0;cursor:pointer}
    .opcion input{width:1.25rem;height:1.25rem;margin-top:.1rem}
    .escala{display:flex;flex-wrap:wrap;gap:.3rem} .punto{flex:1 0 2.6rem;text-align:center;border:1px solid var(--borde);border-radius:.4rem;padding:.4rem 0;cursor:pointer}
    .punto input{display:block;margin:0 auto .2rem;width:1.1rem;height:1.1rem}
    .extremos{display:flex;justify-content:space-between;color:var(--suave);font-size:.85rem;margin-top:.3rem}
    input.numero,textarea,input[type=date]{font-size:1.05rem;padding:.5rem;border:1px solid var(--borde);border-radius:.4rem;width:100%;max-width:22rem}
    textarea{max-width:100%}
    table.matriz{border-collapse:collapse;width:100%;font-size:.92rem} .matriz th,.matriz td{padding:.45rem .3rem;border-bottom:1px solid #e1e8e5;text-align:center}
    .matriz th[scope=row]{text-align:left;font-weight:normal} .matriz input{width:1.2rem;height:1.2rem}
    .especiales{margin-top:.5rem;font-size:.85rem;color:var(--suave)} .especiales label{margin-right:1rem;cursor:pointer}
    .errores{border:2px solid #a8322a;background:#fdf0ef;padding:.6rem 1rem;border-radius:.5rem} .errores a{color:#8a241d}
    .error{color:#a8322a;font-weight:bold;margin:.2rem 0} .invalida legend{color:#8a241d}
    .acciones{margin-top:1.2rem} button{font-size:1.1rem;background:var(--verde);color:#fff;border:0;border-radius:.5rem;padding:.75rem 1.6rem;cursor:pointer}
    button:focus,input:focus,textarea:focus,a:focus{outline:3px solid #f2b705;outline-offset:2px}
    .acciones{display:flex;flex-direction:row-reverse;justify-content:flex-end;gap:.8rem} button.secundario{background:#fff;color:var(--verde);border:2px solid var(--verde)}
    .confirma{display:flex;gap:.5rem;align-items:center;margin:.4rem 0;font-weight:bold} .confirma input{width:1.3rem;height:1.3rem}
    .matriz th.especial,.matriz td.especial{font-size:.8rem;color:var(--suave)} .caja-matriz{overflow-x:auto;max-width:100%}
    .mensaje{font-size:1.1rem} .instruccion{color:#5b3f99;font-style:italic;margin:.2rem 0 .5rem}
    .banner{background:#eef3f1;margin:-1.2rem -1.2rem 1rem;padding:.5rem 1.2rem;font-size:.9rem}
    table.lista{border-collapse:collapse;width:100%} .lista th,.lista td{padding:.35rem .5rem;border-bottom:1px solid #e1e8e5;text-align:left}
    .lista td.n{text-align:right;white-space:nowrap} label.campo{display:block;margin:.8rem 0 .2rem;font-weight:bold}
    input.texto{font-size:1.05rem;padding:.5rem;border:1px solid var(--borde);border-radius:.4rem;width:100%;max-width:22rem}
    [hidden]{display:none !important} .solo-movil{display:none}
    @media (max-width:480px){ .matriz thead{display:none} .matriz tr{display:block;border-bottom:1px solid #e1e8e5;padding:.4rem 0}
      .matriz th[scope=row]{display:block;font-weight:bold} .matriz td{display:block;border:0;text-align:left;padding:.15rem 0}
      .matriz td label{display:flex;gap:.6rem;align-items:center} .solo-movil{display:inline} }
    """
}
