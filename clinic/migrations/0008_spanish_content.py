"""The Spanish words of the site pages, plan notes, prices and the texting note.

They follow the English as the safer-wording migrations leave it (pregnancy, pain
relievers, one warning-signs list, texting through the practice's number).

Written for a reader at grade 6 to 8, with the same facts as the English (phone,
email, address, codes, prices and plan names exactly) and medical words as MedlinePlus
en español uses them (docs/glossary-es.md). Only empty Spanish fields are filled, so
staff edits survive; unload empties them again.
"""

from django.db import migrations

PHONE = "(212) 246-2063"
EMAIL = "info@hsgexam.com"

PRACTICE = {"texting_note_es": "También puede enviarnos un texto por la aplicación Klara."}

PLAN_NOTES = {"Oxford": "excepto Community Plan"}

# By CPT code ("" is the Lipiodol vial).
PRICES = {
    "58340": {
        "label_es": "Colocación del catéter e inyección del medio de contraste",
        "note_es": "Se cobra junto con el código CPT 74740: una HSG siempre usa los dos códigos.",
    },
    "74740": {
        "label_es": "Supervisión del radiólogo y lectura de las imágenes",
        "note_es": "Se cobra junto con el código CPT 58340: una HSG siempre usa los dos códigos.",
    },
    "": {
        "label_es": "Lipiodol (medio de contraste a base de aceite), un frasco de 10 mL de "
        "Lipiodol de Guerbet",
        "note_es": "Los seguros médicos de EE. UU. no cubren el Lipiodol. Usted lo paga.",
    },
}

HOME_BODY = f"""\
## Por qué nos eligen

- **Experiencia.** El Dr. Silberzweig ha hecho más de 40,000 exámenes de HSG.
- **Resultados enseguida.** El médico le explica sus resultados justo después del examen. Usted se va con un informe escrito.
- **Poca radiación.** Usamos la dosis de rayos X más baja que da imágenes claras.
- **Comodidad.** Puede respirar [Pro-Nox](/es/procedures/pro-nox/), un gas que alivia el dolor y los nervios. Usted misma lo controla.

## Cómo pedir una cita

La HSG se hace entre los días 5 y 12 de su ciclo. El día 1 es el primer día de sangrado de su período. Es después de que para el sangrado y antes de que usted ovule (suelte un óvulo).

1. El día 1 de su período, llámenos al {PHONE}.
2. O [envíenos una solicitud por internet](/es/appointments/request/). El formulario muestra qué días van bien con su ciclo.
3. Fijamos con usted el día y la hora, y le decimos cómo prepararse.
"""

ABOUT_BODY = """\
## El Dr. Silberzweig

El Dr. Silberzweig ha hecho más de 40,000 exámenes de HSG. La HSG es una prueba de rayos X del útero (matriz) y de las trompas de Falopio. Esta experiencia nos ayuda a que su examen sea rápido y lo más cómodo posible.

El Dr. Silberzweig también ha investigado sobre la HSG. Su trabajo busca formas de bajar la dosis de rayos X y de hacer el examen más cómodo. Los artículos están en esta página. Tratan sobre:

- Cómo se compara la HSG con una ecografía del útero.
- El uso de la HSG junto con la recanalización de las trompas, nuestra forma de abrir una trompa bloqueada.
- La HSG con una máquina de rayos X portátil.
- Cómo se puede ver en una HSG la cicatriz de una cesárea.
- El gadolinio, un medio de contraste para personas que pueden ser alérgicas al medio de contraste de siempre. El medio de contraste es un líquido que se ve en los rayos X.

## Seguridad con la radiación

Los rayos X son un tipo de radiación. La HSG usa una cantidad pequeña. Trabajamos para que su dosis sea lo más baja posible:

- Usamos la menor cantidad de radiación que todavía da imágenes claras.
- Hacemos que el tiempo de rayos X sea lo más corto posible.

## Nuestra atención

Sabemos que las pruebas de fertilidad pueden causar estrés. Nuestra meta es darle una atención experta y amable. Queremos que su visita sea tranquila y cómoda. Si tiene preguntas, solo pregunte.
"""

LOCATION_BODY = f"""\
## Cómo llegar

Use el enlace al mapa de esta página para planear su viaje. Si necesita ayuda para encontrarnos, llámenos al {PHONE}.

## Quién puede entrar a la sala del examen

Sus amigos y familiares pueden venir con usted a nuestra oficina. Durante el examen, esperan en la sala de espera.

Solo el personal médico necesario para su examen puede estar en la sala de fluoroscopia. La fluoroscopia es un video de rayos X en vivo. La sala de fluoroscopia es donde se hace su examen. Tenemos esta regla por tres razones:

- Mantiene la sala limpia y en orden.
- Protege su privacidad.
- Evita que otras personas reciban rayos X sin necesidad.

Sabemos que una prueba médica puede traer emociones fuertes. Tener cerca a alguien que usted quiere ayuda. Esa persona estará cerca durante su examen.

## Antes de venir

Traiga su tarjeta del seguro médico, una identificación con foto y los formularios de referencia que tenga. Vea cómo prepararse en la [página de la HSG](/es/procedures/hsg/).
"""

INSURANCE_BODY = f"""\
## ¿Mi plan paga la HSG?

Depende de su plan y de sus beneficios de fertilidad. Algunos planes cubren la HSG como una prueba para estudiar problemas de fertilidad. Otros no la cubren. Lo que usted paga también puede depender de:

- Su deducible. Es la cantidad que usted paga cada año antes de que su plan empiece a pagar.
- Su copago. Es un monto fijo que usted paga por una visita o una prueba.
- La razón por la que necesita la prueba.

La mejor forma de saberlo es llamar a su compañía de seguro médico. También puede leer los papeles de su plan. Su médico puede explicar por qué necesita la prueba. Eso también puede ayudar.

## Qué significan los códigos CPT

Los códigos CPT son números que las compañías de seguro usan para nombrar cada servicio médico. La HSG se cobra con dos códigos, siempre juntos:

- **58340** es por colocar el catéter y poner el medio de contraste. Un catéter es un tubo delgado y suave. El medio de contraste es un líquido que se ve en los rayos X.
- **74740** es por el radiólogo que vigila el examen y lee las imágenes. Un radiólogo es un médico experto en imágenes médicas.

Cuando llame a su compañía de seguro, déles los dos códigos.

## Nuestros precios

El precio de cada código está en esta página. Lo que usted paga depende de su plan. Para saberlo, llame a su compañía de seguro médico o llámenos.

## El Lipiodol no está cubierto

Los seguros médicos de EE. UU. no cubren el Lipiodol. El Lipiodol es el medio de contraste a base de aceite que se usa en la [HSG con lavado de Lipiodol](/es/procedures/lipiodol-flush-hsg/). Cuesta $1,700 por un frasco de 10 mL de Lipiodol de Guerbet. Usted lo paga.

## ¿Preguntas?

Llámenos al {PHONE}. Con gusto la ayudamos.
"""

FAQ_INTRO = f"""\
Aquí están las respuestas a las preguntas que más nos hacen. Si no encuentra su respuesta, escríbanos a {EMAIL} o llámenos al {PHONE}.
"""

CONTACT_BODY = f"""\
## Llámenos

Llame al {PHONE}. Nuestro horario está en esta página.

## Escríbanos

Escriba a {EMAIL}.

## Envíenos un mensaje

También puede usar el formulario de esta página. No lo use para nada urgente. No escriba detalles médicos. Podemos hablar de eso por teléfono.

## Pida un examen

Para pedir una cita, [complete nuestro formulario](/es/appointments/request/). O llámenos el día 1 de su período.
"""

PRIVACY_BODY = f"""\
## Sin rastreo

- No usamos cookies para seguirla.
- No usamos anuncios, análisis de visitas ni otros rastreadores de terceros.
- Por eso no ve un aviso de cookies.

El sitio puede guardar una cookie pequeña cuando usa un formulario. Protege el formulario contra el mal uso. No la sigue.

## reCAPTCHA en nuestros formularios

Nuestros formularios usan Google reCAPTCHA. Revisa que una persona, y no un robot, envía el formulario. Para eso, envía a Google algunos datos sobre su navegador y sobre cómo usa la página. Google también puede guardar su propia cookie para esta revisión. Se aplican la [Política de Privacidad](https://policies.google.com/privacy) y las [Condiciones de Servicio](https://policies.google.com/terms) de Google.

## Qué piden nuestros formularios y por qué

**El formulario de citas** pide:

- Su nombre, fecha de nacimiento, celular y correo electrónico, para poder comunicarnos con usted y saber quién es.
- El primer día de su último período y cuántos días dura su ciclo, para buscar los días buenos para su examen.
- Los días y horas que prefiere, para planear su visita.
- Su plan de seguro médico y el médico que la envía, para saber cómo se paga su examen y enviar su informe.
- Si podría estar embarazada, si es alérgica al medio de contraste, si tuvo una infección pélvica o si quiere Lipiodol, para preparar un examen seguro.
- Las notas que agregue.

**El formulario de contacto** pide su nombre, su correo electrónico, su teléfono si quiere, y su mensaje. Solo los usamos para contestarle.

Solo el personal de nuestra oficina ve lo que usted envía. No vendemos su información ni la usamos para anuncios.

## Mensajes de texto

Le enviamos textos solo si usted lo acepta en el formulario. Los textos son sobre su cita. No nombran su examen ni dan detalles de salud. Una compañía de textos los entrega por nosotros. Responda PARAR (o STOP) en cualquier momento para no recibirlos más. Responda INICIAR (o START) para recibirlos otra vez. Responda AYUDA (o HELP) para recibir nuestro número de teléfono.

## Ver, corregir o borrar sus datos

Puede preguntarnos qué datos tenemos sobre usted. También puede pedirnos que los corrijamos o los borremos. Llámenos al {PHONE} o escriba a {EMAIL}. Es posible que debamos guardar algunos registros médicos cuando la ley lo exige.
"""

APPOINTMENTS_BODY = """\
## Cuándo se puede hacer su examen

La HSG se hace entre los días 5 y 12 de su ciclo. El día 1 es el primer día de sangrado de su período. Para entonces ya paró el sangrado y todavía no ha ovulado (soltado un óvulo). Así baja la probabilidad de que un embarazo temprano reciba la prueba. No la elimina. Si podría estar embarazada, llámenos antes de pedir la cita.

- Escriba el primer día de su último período. El formulario le muestra sus días 5 a 12 como fechas.
- Solo ofrece días en que estamos abiertos.
- Si esos días ya pasaron o están muy cerca, llámenos el día 1 de su próximo período.
- Si sus períodos no son regulares, o usa anticonceptivos, elija esa opción. Buscaremos las fechas con usted.
- Si su ciclo normal dura menos de 26 días, confirmaremos el día con usted.

## Qué pasa después de enviar el formulario

1. Verá una página con un número de referencia. Guárdelo por si necesita comunicarse con nosotros.
2. Si aceptó recibir textos, le enviamos uno para decirle que recibimos su solicitud.
3. Nuestro personal se comunica con usted para fijar el día y la hora. Solo entonces queda hecha su cita.
4. Le decimos cómo prepararse. Si aceptó recibir textos, también le enviamos un recordatorio el día antes.
"""

PAGES = {
    "home": {
        "title_es": "Exámenes de HSG y atención de las trompas de Falopio en Manhattan",
        "seo_title_es": "HSG en Manhattan | Interventional Radiology, P.C.",
        "meta_description_es": (
            "HSG, HSG con lavado de Lipiodol y recanalización de las trompas en Manhattan. "
            f"Más de 40,000 exámenes. Resultados enseguida. Llame al {PHONE}."
        ),
        "intro_es": (
            "La HSG es una prueba rápida de rayos X de su útero (matriz) y sus trompas de "
            "Falopio. Muestra si sus trompas están abiertas. Eso ayuda a su médico a saber "
            "por qué le puede costar quedar embarazada.\n"
        ),
        "body_es": HOME_BODY,
    },
    "about": {
        "title_es": "Quiénes somos",
        "seo_title_es": "Sobre el Dr. Silberzweig | Interventional Radiology, P.C.",
        "meta_description_es": (
            "El Dr. Silberzweig ha hecho más de 40,000 exámenes de HSG y ha publicado sobre "
            "cómo bajar la dosis de rayos X y dar más comodidad."
        ),
        "intro_es": (
            "Interventional Radiology, P.C. es una práctica de radiología en Manhattan. La "
            "radiología usa imágenes médicas, como los rayos X. Hacemos exámenes de HSG, HSG "
            "con lavado de Lipiodol y recanalización de las trompas de Falopio.\n"
        ),
        "body_es": ABOUT_BODY,
    },
    "location": {
        "title_es": "Dirección y horario",
        "seo_title_es": "Dirección y horario | Nuestra oficina de HSG en Manhattan",
        "meta_description_es": (
            "Estamos en 200 West 57th Street, Suite 407, New York, NY 10019. Abierto de 9:00 "
            "am a 5:00 pm, cerrado los feriados principales."
        ),
        "intro_es": (
            "Nuestra oficina está en la Suite 407 de 200 West 57th Street, en Manhattan. "
            "Aquí verá cómo encontrarnos, cuándo abrimos y quién puede venir con usted.\n"
        ),
        "body_es": LOCATION_BODY,
    },
    "insurance": {
        "title_es": "Seguros y precios",
        "seo_title_es": "Seguros y precios de la HSG | Interventional Radiology",
        "meta_description_es": (
            "Los planes de seguro que aceptamos, qué significan los códigos CPT 58340 y "
            "74740, nuestros precios para la HSG y por qué el seguro no cubre el Lipiodol."
        ),
        "intro_es": (
            "Si el seguro paga su HSG depende de su plan. Los planes que aceptamos y nuestros "
            "precios están en esta página.\n"
        ),
        "body_es": INSURANCE_BODY,
    },
    "faq": {
        "title_es": "Preguntas y respuestas",
        "seo_title_es": "Preguntas y respuestas sobre la HSG | Interventional Radiology",
        "meta_description_es": (
            "Respuestas claras sobre la HSG: cuándo pedir cita, cómo prepararse, si duele, "
            "qué muestra, resultados, costo, Lipiodol, recanalización y Pro-Nox."
        ),
        "intro_es": FAQ_INTRO,
    },
    "contact": {
        "title_es": "Contáctenos",
        "seo_title_es": "Contáctenos | Interventional Radiology, P.C., Manhattan",
        "meta_description_es": (
            f"Llame al {PHONE}, escriba a {EMAIL} o envíenos un texto. Qué hacer ante las "
            "señales de alarma después del examen, como fiebre o sangrado fuerte."
        ),
        "intro_es": "Llámenos, escríbanos o envíenos un texto. Con gusto la ayudamos.\n",
        "body_es": CONTACT_BODY,
    },
    "privacy": {
        "title_es": "Privacidad",
        "seo_title_es": "Privacidad | Interventional Radiology, P.C.",
        "meta_description_es": (
            "Sin cookies de rastreo ni análisis de visitas. Qué piden nuestros formularios y "
            "por qué, cómo funcionan reCAPTCHA y los textos, y cómo borrar sus datos."
        ),
        "intro_es": (
            "Esta página explica qué datos pide nuestro sitio web, por qué los necesitamos y "
            "qué hacemos con ellos. En pocas palabras: solo pedimos lo que necesitamos para "
            "atenderla.\n"
        ),
        "body_es": PRIVACY_BODY,
    },
    "appointments": {
        "title_es": "Pedir una cita",
        "seo_title_es": "Pida una cita para una HSG en Manhattan",
        "meta_description_es": (
            "Pida por internet una cita para una HSG, una HSG con lavado de Lipiodol o una "
            "recanalización. El formulario muestra los días de su ciclo, del 5 al 12."
        ),
        "intro_es": (
            "Use este formulario para pedir una cita. Al enviarlo todavía no tiene una hora "
            "fija. Nuestro personal se comunicará con usted para fijar el día y la hora.\n"
        ),
        "body_es": APPOINTMENTS_BODY,
    },
}


def _fill(obj, values: dict) -> None:
    changed = [field for field, text in values.items() if not getattr(obj, field)]
    for field in changed:
        setattr(obj, field, values[field])
    if changed:
        obj.save(update_fields=changed)


def load(apps, schema_editor):
    Practice = apps.get_model("clinic", "Practice")
    InsurancePlan = apps.get_model("clinic", "InsurancePlan")
    Price = apps.get_model("clinic", "Price")
    Page = apps.get_model("clinic", "Page")
    for practice in Practice.objects.all():
        _fill(practice, PRACTICE)
    for name, note in PLAN_NOTES.items():
        for plan in InsurancePlan.objects.filter(name=name):
            _fill(plan, {"note_es": note})
    for code, values in PRICES.items():
        for price in Price.objects.filter(code=code):
            _fill(price, values)
    for slug, values in PAGES.items():
        for page in Page.objects.filter(slug=slug):
            _fill(page, values)


def unload(apps, schema_editor):
    apps.get_model("clinic", "Practice").objects.update(texting_note_es="")
    apps.get_model("clinic", "InsurancePlan").objects.update(note_es="")
    apps.get_model("clinic", "Price").objects.update(label_es="", note_es="")
    apps.get_model("clinic", "Page").objects.update(
        title_es="", seo_title_es="", meta_description_es="", intro_es="", body_es=""
    )


class Migration(migrations.Migration):
    dependencies = [("clinic", "0007_spanish_fields")]

    operations = [migrations.RunPython(load, unload)]
