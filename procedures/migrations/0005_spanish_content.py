"""The Spanish words of the four procedure pages.

The same facts as the English pages, for a reader at grade 6 to 8, with medical words
as MedlinePlus en español uses them (docs/glossary-es.md). Only empty Spanish fields
are filled, so staff edits survive; unload empties them again. They follow the
English as the safer-wording migration leaves it (pregnancy, pain relievers only if
safe, the one warning-signs list shown by the site, FTR and Lipiodol after-care).
"""

from django.db import migrations

PHONE = "(212) 246-2063"

PREPARATION_BEFORE = f"""\
- Tome Tylenol (acetaminofén) o ibuprofeno de 30 a 60 minutos antes de su examen, si es seguro para usted. Siga las instrucciones de la etiqueta. Ayuda con los cólicos. No tome ibuprofeno si es alérgica a él o si un médico le dijo que no lo tome.
- No necesita ayunar. Puede comer y beber como siempre. No hay límites en lo que come.
- Siga cualquier otro consejo de su médico. Por ejemplo, puede pedirle que deje algunos medicamentos o suplementos por un tiempo.
- Díganos si podría estar embarazada. Llámenos antes de su examen.
- Díganos antes del examen si alguna vez tuvo una reacción al medio de contraste. El medio de contraste es el líquido que se ve en los rayos X.
- Díganos si alguna vez tuvo una infección pélvica. Es una infección del útero, las trompas o los ovarios.

### Qué traer

- Su tarjeta del seguro médico y una identificación con foto.
- Los formularios de referencia o de autorización de su médico.
- Ropa cómoda, fácil de quitar y poner. Se pondrá una bata.
- Toallas sanitarias. Puede tener un poco de manchado después del examen.
- Un analgésico de venta libre, como ibuprofeno o acetaminofén.

Sus amigos y familiares pueden venir con usted. La esperarán en nuestra sala de espera.

¿Preguntas? Llámenos al {PHONE}.
"""

PREPARATION_AFTER = """\
- Puede volver enseguida a sus actividades de siempre.
- Los cólicos pueden volver unas 3 a 4 horas después. Puede tomar más de su analgésico, si es seguro para usted. Siga las instrucciones de la etiqueta.
- Puede tener manchado por uno o dos días. También puede salir un poco del medio de contraste. Use una toalla sanitaria el resto del día. Puede necesitarla por unos días.
- Tome muchos líquidos.
- No necesita evitar las relaciones sexuales.
- El médico le explica sus resultados justo después del examen. También recibe un informe escrito.
- Enviamos el informe por fax al médico que la envió.
- Le enviaremos un texto después para saber cómo se siente. Puede responder con sus preguntas.
"""

# The practice's old site gives no after-care for these two: say less, and ask.
FTR_AFTER = f"""\
- Antes de irse, pregúntele al médico qué esperar en los próximos días. Pregunte cuándo puede volver a sus actividades de siempre.
- Le enviaremos un texto después para saber cómo se siente. Puede responder con sus preguntas.
- Si tiene una pregunta cuando ya esté en casa, llámenos al {PHONE}.
"""
LIPIODOL_AFTER = f"""\
- Una HSG con lavado de Lipiodol no es igual a una HSG normal. Antes de irse, pregúntele al médico qué esperar después del Lipiodol. Pregunte cuándo puede volver a sus actividades de siempre.
- Le enviaremos un texto después para saber cómo se siente. Puede responder con sus preguntas.
- Si tiene una pregunta cuando ya esté en casa, llámenos al {PHONE}.
"""

HSG_BODY = f"""\
## ¿Qué es una HSG?

La HSG es una prueba de rayos X de su útero (matriz) y sus trompas de Falopio. Las trompas de Falopio son dos tubos delgados. Llevan el óvulo desde los ovarios hasta el útero. El nombre completo de la prueba es histerosalpingografía. También se llama evaluación útero-tubárica.

La prueba muestra dos cosas principales:

- Si sus trompas están abiertas. Los médicos lo llaman permeabilidad tubárica.
- La forma del interior de su útero.

## Por qué podría necesitar una HSG

- **Infertilidad.** Le cuesta quedar embarazada. La HSG puede mostrar una trompa bloqueada o un útero con una forma poco común.
- **Abortos espontáneos repetidos.** Ha perdido más de un embarazo. La HSG puede mostrar un problema en la forma del útero que puede influir.
- **Planear un tratamiento de fertilidad.** Su médico puede querer una HSG antes de un tratamiento como la FIV (fecundación in vitro). En la FIV, los óvulos y los espermatozoides se unen en un laboratorio.

## Cómo funcionan el óvulo y las trompas

Cada mes, uno de sus ovarios suelta un óvulo. Esto se llama ovulación. El óvulo pasa a una de las trompas de Falopio. Allí lo puede encontrar un espermatozoide. Si el óvulo se fecunda, se vuelve un embrión. El embrión baja por la trompa hasta el útero. Luego se pega al revestimiento del útero.

Una trompa bloqueada puede mantener separados el óvulo y el espermatozoide. Los problemas de las trompas causan del 25% al 35% de la infertilidad femenina. Por eso es importante revisar las trompas.

## Cuándo hacerla

Hacemos la HSG entre los días 5 y 12 de su ciclo. El día 1 es el primer día de sangrado de su período. Hay dos razones para estas fechas:

- Ya paró su sangrado. La sangre en el útero puede hacer que las imágenes se vean menos claras.
- Todavía no ha ovulado. Así baja la probabilidad de que un embarazo temprano reciba la prueba. No la elimina. Si podría estar embarazada, díganos antes de su examen.

Para pedir una cita, llámenos al {PHONE} el día 1 de su período.

## Qué pasa durante la HSG

1. Se pone una bata. Se acuesta en la mesa de examen con los pies en los estribos.
2. El médico coloca un espéculo en su vagina. El espéculo es la misma herramienta que se usa para la prueba de Papanicolaou. Separa con cuidado las paredes de la vagina.
3. El médico pasa un catéter por el cuello uterino hasta el útero. Un catéter es un tubo delgado y suave. El cuello uterino es la abertura estrecha en la parte de abajo del útero.
4. El medio de contraste pasa despacio por el catéter. El medio de contraste es un líquido que se ve en los rayos X. Llena el útero y luego sale por las trompas.
5. El médico mira en una pantalla cómo se mueve el medio de contraste. Para esto usa la fluoroscopia, un tipo de video de rayos X en vivo. Es posible que le pidan cambiar de posición para ayudar a que fluya el medio de contraste.
6. El médico saca el catéter y el espéculo. Ya terminó.

Cuando el catéter está en su lugar, la prueba dura menos de cinco minutos.

## Qué se siente

La mayoría de las personas tolera bien la HSG. Puede sentir cólicos cuando entra el catéter y fluye el medio de contraste. Se pueden sentir como cólicos menstruales, agudos o leves. Algunas personas sienten un cólico corto y fuerte. El dolor es distinto para cada persona.

Para estar más cómoda, puede tomar un analgésico antes del examen, si es seguro para usted. También puede usar [Pro-Nox](/es/procedures/pro-nox/), un gas que se respira para aliviar el dolor rápido.

## Qué puede mostrar una HSG y qué no

La HSG muestra el interior de su útero y sus trompas. Puede mostrar:

- Si cada trompa está abierta, y dónde está bloqueada una trompa.
- La forma del interior de su útero.
- Bultos que salen hacia el interior del útero, como pólipos, fibromas o tejido de cicatriz. Los pólipos son bultos pequeños del revestimiento. Los fibromas son bultos de músculo que no son cáncer.

Una HSG no puede:

- Revisar sus ovarios.
- Encontrar la endometriosis. Esto pasa cuando un tejido parecido al revestimiento del útero crece fuera del útero.
- Encontrar fibromas en la pared del útero o por fuera de él.

## Riesgos

- **Alergia.** Una reacción al medio de contraste es rara, pero puede pasar. Es el mismo medio de contraste que se usa en la tomografía computarizada. Si ya tuvo una reacción, díganos. Podemos usar otro medio de contraste llamado gadolinio.
- **Infección.** La probabilidad de infección es baja. Por eso no damos antibióticos de rutina. Si tuvo una infección pélvica, díganos. Su médico puede darle antibióticos antes de la prueba.
- **Radiación.** Usamos la dosis de rayos X más baja que da imágenes claras. También hacemos que el tiempo de rayos X sea lo más corto posible.

## Sus resultados

El médico le explica sus resultados justo después del examen. Recibe un informe escrito para guardar. También enviamos el informe por fax al médico que la envió.

## ¿Puede una HSG ayudarla a quedar embarazada?

La HSG es una prueba, no un tratamiento. Pero las mujeres con infertilidad sin causa conocida parecen quedar embarazadas más a menudo después de una HSG. Se cree que sus tasas de embarazo son de 2 a 3 veces más altas que las de las mujeres que no se hicieron la prueba. Nadie sabe bien por qué.

Una idea es que el medio de contraste lava las trompas. Puede sacar moco, restos o bandas finas de tejido de cicatriz. Los médicos lo llaman "lavado tubárico". No siempre funciona, y no puede abrir todos los bloqueos. Algunos bloqueos necesitan otro procedimiento, como la [recanalización de las trompas de Falopio](/es/procedures/fallopian-tube-recanalization/) o una cirugía.

## Otras pruebas

Otras pruebas pueden darle a su médico algunos de los mismos datos:

- **Laparoscopia.** Es una cirugía. Necesita anestesia general, es decir, un medicamento la duerme por completo.
- **Histeroscopia.** Una cámara delgada da una vista de cerca del interior del útero. Pero no puede mostrar si sus trompas están bloqueadas.
- **Sonohisterografía.** Usa ultrasonido (ondas de sonido) para mostrar el interior del útero. Igual que la histeroscopia, no da datos completos sobre las trompas.

La mejor prueba para usted depende de por qué la necesita, de lo que elija su médico y de su historia de salud. Su médico de fertilidad puede ayudarla a elegir.
"""

LIPIODOL_BODY = f"""\
## ¿Qué es una HSG con lavado de Lipiodol?

Es una [HSG](/es/procedures/hsg/) que termina con un segundo tipo de medio de contraste, llamado Lipiodol. La HSG es una prueba de rayos X de su útero (matriz) y sus trompas de Falopio. El medio de contraste es un líquido que se ve en los rayos X.

Una HSG normal usa un medio de contraste soluble en agua. Eso quiere decir que se mezcla con el agua. El Lipiodol es distinto. Es un medio de contraste a base de aceite.

## Por qué algunas personas lo eligen

- El Lipiodol es más espeso que el medio de contraste a base de agua. Se pega mejor a las paredes de las trompas y del útero.
- Puede ayudar a abrir bloqueos en las trompas.
- Algunos estudios han relacionado el Lipiodol con más embarazos y más nacimientos que el medio de contraste a base de agua.
- Un estudio grande en el New England Journal of Medicine encontró beneficios para la fertilidad con el Lipiodol.

Son beneficios posibles, no promesas. Hable con su médico sobre si tiene sentido para usted.

## Qué pasa paso a paso

1. El examen empieza como una HSG normal. Usted se acuesta en la mesa de examen. El médico coloca un espéculo en su vagina. El espéculo es la herramienta que se usa para la prueba de Papanicolaou.
2. El médico pasa un catéter por el cuello uterino. Un catéter es un tubo delgado y suave. El cuello uterino es la abertura en la parte de abajo del útero.
3. Primero entra el medio de contraste soluble en agua. El médico lo mira en un video de rayos X en vivo, llamado fluoroscopia.
4. Así se ve si sus trompas están abiertas y tienen un tamaño normal.
5. Si es así, el médico sigue e inyecta despacio el Lipiodol.
6. Si no es así, no usamos Lipiodol.

## Qué se siente

Se siente muy parecido a una HSG normal. Puede tener cólicos, como cólicos menstruales. Para ayudar, puede tomar un analgésico antes del examen, si es seguro para usted. También puede usar [Pro-Nox](/es/procedures/pro-nox/), un gas que se respira para aliviar el dolor rápido.

## Riesgos

Todo procedimiento médico tiene algunos riesgos y efectos secundarios. Pregúntele a su médico por ellos antes de decidir. Los riesgos de la parte de la HSG están en la [página de la HSG](/es/procedures/hsg/).

El Lipiodol contiene yodo, igual que el medio de contraste de rayos X de siempre. Así que si alguna vez tuvo una reacción al medio de contraste, díganos antes de su examen. También importa para el Lipiodol.

## Costo

Los seguros médicos de EE. UU. no cubren el Lipiodol. El Lipiodol cuesta $1,700. Ese precio es por un frasco de 10 mL de Lipiodol de Guerbet. Usted lo paga.

## ¿Es bueno para usted?

Si cree que el Lipiodol podría ayudarla, pregúntele a su médico. También puede llamarnos al {PHONE}.
"""

FTR_BODY = """\
## ¿Qué es la recanalización de las trompas?

La recanalización de las trompas de Falopio (FTR, por sus siglas en inglés) abre una trompa de Falopio bloqueada. Las trompas de Falopio llevan el óvulo desde los ovarios hasta el útero (matriz). La FTR también se llama salpingografía selectiva.

La FTR se hace por la vagina. No hay cirugía ni cortes en la piel. Es un procedimiento de bajo riesgo.

## Para quién es

La FTR puede ayudar si las trompas bloqueadas no la dejan quedar embarazada. Es el primer tratamiento que se prueba cuando está bloqueada la parte proximal de la trompa. La parte proximal es la más cercana al útero, donde se unen la trompa y el útero.

## Qué pasa paso a paso

1. Se pone una bata y se acuesta en la mesa de examen.
2. El médico coloca un espéculo en su vagina. El espéculo es la herramienta que se usa para la prueba de Papanicolaou.
3. El médico pasa un catéter pequeño por el cuello uterino. Un catéter es un tubo delgado y suave. El cuello uterino es la abertura en la parte de abajo del útero.
4. El médico guía el catéter por el útero hasta la entrada de la trompa.
5. El medio de contraste pasa por el catéter. El medio de contraste es un líquido que se ve en los rayos X. Deja que el médico vea el interior de la trompa en un video de rayos X en vivo, llamado fluoroscopia.
6. Si la trompa está bloqueada, el médico pasa un alambre delgado por el catéter. El alambre abre el bloqueo para que el líquido pueda pasar otra vez por la trompa.

## Qué se siente

Algunas personas sienten cólicos leves o molestias. Esto suele pasar rápido. Para ayudar, puede tomar un analgésico antes del examen, si es seguro para usted. También puede usar [Pro-Nox](/es/procedures/pro-nox/), un gas que se respira para aliviar el dolor rápido.

## Qué saber antes de decidir

- No todas las trompas bloqueadas se pueden abrir. El éxito depende de dónde está el bloqueo y de qué tan grave es.
- Una trompa que se abrió puede cicatrizar o bloquearse otra vez más adelante.
- Aun después de la FTR, es posible que necesite la FIV (fecundación in vitro) para quedar embarazada. En la FIV, los óvulos y los espermatozoides se unen en un laboratorio.

## Sus resultados

Pregúntele al médico cómo y cuándo sabrá lo que encontró.

## Otras opciones

Algunos bloqueos necesitan cirugía, como la laparoscopia. Esta cirugía necesita anestesia general, es decir, un medicamento la duerme por completo. Su médico de fertilidad puede ayudarla a elegir.
"""

PRONOX_BODY = f"""\
## ¿Qué es el Pro-Nox?

El Pro-Nox es una mezcla de dos gases: óxido nitroso y oxígeno. Al óxido nitroso a veces se le llama gas de la risa. Usted lo respira para aliviar el dolor y los nervios.

Lo puede usar durante una [HSG](/es/procedures/hsg/), una [HSG con lavado de Lipiodol](/es/procedures/lipiodol-flush-hsg/) o una [recanalización de las trompas de Falopio](/es/procedures/fallopian-tube-recanalization/). Son rápidos, y la mayoría de las personas los tolera bien. Pero es normal tener miedo al dolor. El Pro-Nox está para ayudarla.

## Cómo funciona

Usted sostiene una boquilla pequeña. Respira el gas cada vez que lo necesita. Usted decide cuándo y cuánto.

- Hace efecto en segundos.
- Usted sigue despierta y alerta.
- Puede ayudarla a sentirse tranquila.
- El efecto se pasa a los pocos minutos de dejar de usarlo.
- No deja sueño después, así que puede seguir con su día.

## Otras formas de estar cómoda

- **Un analgésico.** Tome ibuprofeno o acetaminofén de 30 a 60 minutos antes de su procedimiento, si es seguro para usted. Siga las instrucciones de la etiqueta. No tome ibuprofeno si es alérgica a él o si un médico le dijo que no lo tome. Puede aliviar los cólicos. También puede ayudar después.
- **La respiración.** Respirar despacio y hondo y hacer ejercicios para calmarse puede aliviar la tensión.

## ¿Es bueno el Pro-Nox para usted?

La mayoría de las pacientes puede usar Pro-Nox. Muchas también toman ibuprofeno o acetaminofén antes, si es seguro para ellas. Si le preocupa el dolor, díganos. Con gusto hablamos sobre el mejor plan para usted. Llámenos al {PHONE}.
"""

PROCEDURES = {
    "hsg": {
        "name_es": "Histerosalpingografía (HSG)",
        "short_name_es": "HSG",
        "seo_title_es": "HSG (histerosalpingografía) en Manhattan",
        "meta_description_es": (
            "La HSG es una prueba corta de rayos X que revisa si sus trompas de Falopio "
            "están abiertas. Cómo funciona, qué se siente y cómo prepararse."
        ),
        "summary_es": (
            "La HSG es una prueba rápida de rayos X de su útero y sus trompas de Falopio. "
            "Muestra si sus trompas están abiertas y ayuda a su médico a saber por qué le "
            "cuesta quedar embarazada."
        ),
        "body_es": HSG_BODY,
        "preparation_before_es": PREPARATION_BEFORE,
        "preparation_after_es": PREPARATION_AFTER,
    },
    "lipiodol-flush-hsg": {
        "name_es": "HSG con lavado de Lipiodol",
        "short_name_es": "HSG con Lipiodol",
        "seo_title_es": "HSG con lavado de Lipiodol en Manhattan",
        "meta_description_es": (
            "La HSG con lavado de Lipiodol termina con un medio de contraste a base de "
            "aceite. Qué pasa, para quién es y su costo de $1,700."
        ),
        "summary_es": (
            "Una HSG que termina con Lipiodol, un medio de contraste a base de aceite que "
            "los estudios relacionan con más embarazos. El seguro no cubre el Lipiodol."
        ),
        "body_es": LIPIODOL_BODY,
        "preparation_before_es": PREPARATION_BEFORE,
        "preparation_after_es": LIPIODOL_AFTER,
    },
    "fallopian-tube-recanalization": {
        "name_es": "Recanalización de las trompas de Falopio (FTR)",
        "short_name_es": "Recanalización (FTR)",
        "seo_title_es": "Recanalización de las trompas de Falopio en Manhattan",
        "meta_description_es": (
            "La FTR abre con un alambre delgado una trompa bloqueada cerca del útero, sin "
            "cirugía. A quién ayuda, qué pasa y qué resultados esperar."
        ),
        "summary_es": (
            "La FTR abre una trompa de Falopio bloqueada cerca del útero. El médico usa un "
            "alambre delgado, sin cirugía y sin cortes."
        ),
        "body_es": FTR_BODY,
        "preparation_before_es": PREPARATION_BEFORE,
        "preparation_after_es": FTR_AFTER,
    },
    "pro-nox": {
        "name_es": "Pro-Nox para su comodidad",
        "short_name_es": "Pro-Nox",
        "seo_title_es": "Pro-Nox para el dolor en la HSG y la FTR | Manhattan",
        "meta_description_es": (
            "El Pro-Nox es óxido nitroso y oxígeno que usted respira por una boquilla "
            "durante una HSG o FTR. Hace efecto en segundos y se pasa en minutos."
        ),
        "summary_es": (
            "El Pro-Nox es un gas que usted respira por una boquilla para aliviar el dolor "
            "y los nervios. Usted lo controla, sigue despierta y el efecto se pasa en minutos."
        ),
        "body_es": PRONOX_BODY,
    },
}


def load(apps, schema_editor):
    Procedure = apps.get_model("procedures", "Procedure")
    for slug, values in PROCEDURES.items():
        for procedure in Procedure.objects.filter(slug=slug):
            changed = [field for field in values if not getattr(procedure, field)]
            for field in changed:
                setattr(procedure, field, values[field])
            if changed:
                procedure.save(update_fields=changed)


def unload(apps, schema_editor):
    apps.get_model("procedures", "Procedure").objects.update(
        **{field: "" for field in PROCEDURES["hsg"]}
    )


class Migration(migrations.Migration):
    dependencies = [("procedures", "0004_spanish_fields")]

    operations = [migrations.RunPython(load, unload)]
