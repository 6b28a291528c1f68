"""The Spanish words of the FAQ: category names, questions and answers.

The same facts as the English answers, for a reader at grade 6 to 8, with medical
words as MedlinePlus en español uses them (docs/glossary-es.md). Only empty Spanish
fields are filled, so staff edits survive; unload empties them again. They follow the
English as the safer-wording migration leaves it, with its new question about
pregnancy.
"""

from django.db import migrations

PHONE = "(212) 246-2063"
EMAIL = "info@hsgexam.com"

CATEGORIES = {
    "about-the-hsg": "Sobre la HSG",
    "preparing": "Cómo prepararse para su examen",
    "during-and-after": "Durante y después del examen",
    "results-and-fertility": "Resultados y fertilidad",
    "cost-and-insurance": "Costo y seguro médico",
    "other-procedures": "Lipiodol y otros procedimientos",
    "visiting-us": "Su visita",
}

QUESTIONS = {
    "what-is-an-hsg": (
        "¿Qué es una HSG?",
        "La HSG (histerosalpingografía) es una prueba de rayos X de su útero (matriz) y sus "
        "trompas de Falopio. Las trompas llevan el óvulo desde los ovarios hasta el útero. "
        "La prueba muestra si sus trompas están abiertas. También muestra la forma del "
        "interior de su útero. A veces se llama evaluación útero-tubárica.",
    ),
    "why-would-i-need-an-hsg": (
        "¿Por qué necesitaría una HSG?",
        "Su médico puede pedir una HSG si:\n\n"
        "- Le cuesta quedar embarazada. La prueba puede mostrar una trompa bloqueada o un "
        "útero con una forma poco común.\n"
        "- Ha tenido más de un aborto espontáneo. La prueba puede mostrar un problema en la "
        "forma del útero.\n"
        "- Planea un tratamiento de fertilidad, como la FIV (fecundación in vitro). En la "
        "FIV, los óvulos y los espermatozoides se unen en un laboratorio.",
    ),
    "how-does-an-hsg-work": (
        "¿Cómo funciona una HSG?",
        "Un líquido llamado medio de contraste pasa por un tubo delgado y suave hasta su "
        "útero. El medio de contraste se ve en los rayos X. Llena el útero y luego sale por "
        "las trompas. El médico lo mira en un video de rayos X en vivo, llamado "
        "fluoroscopia. Si el medio de contraste no puede pasar por una trompa, esa trompa "
        "puede estar bloqueada.",
    ),
    "why-do-the-fallopian-tubes-matter": (
        "¿Por qué son importantes las trompas de Falopio?",
        "Cada mes, uno de sus ovarios suelta un óvulo. Esto se llama ovulación. El óvulo se "
        "encuentra con el espermatozoide dentro de una trompa de Falopio. Luego el óvulo "
        "fecundado baja por la trompa hasta el útero, donde se pega y crece. Una trompa "
        "bloqueada puede mantener separados el óvulo y el espermatozoide. Los problemas de "
        "las trompas causan del 25% al 35% de la infertilidad femenina.",
    ),
    "what-can-an-hsg-show": (
        "¿Qué puede mostrar una HSG?",
        "La HSG muestra el interior de su útero y sus trompas. Puede mostrar:\n\n"
        "- Si cada trompa está abierta, y dónde está bloqueada una trompa.\n"
        "- La forma del interior de su útero.\n"
        "- Bultos que salen hacia el interior del útero, como pólipos, fibromas o tejido de "
        "cicatriz.",
    ),
    "can-an-hsg-find-fibroids-or-endometriosis": (
        "¿Puede una HSG encontrar fibromas, endometriosis o problemas en los ovarios?",
        "Solo en parte. La HSG muestra los bultos que salen hacia el interior del útero. "
        "Pero no puede:\n\n"
        "- Revisar sus ovarios.\n"
        "- Encontrar la endometriosis. Esto pasa cuando un tejido parecido al revestimiento "
        "del útero crece fuera del útero.\n"
        "- Encontrar fibromas en la pared del útero o por fuera de él.\n\n"
        "Su médico puede usar otras pruebas para esto.",
    ),
    "how-much-radiation-does-an-hsg-use": (
        "¿Cuánta radiación usa una HSG?",
        "La HSG usa una cantidad pequeña de rayos X, un tipo de radiación. Usamos la menor "
        "cantidad que todavía da imágenes claras. También hacemos que el tiempo de rayos X "
        "sea lo más corto posible. El Dr. Silberzweig ha hecho más de 40,000 exámenes de "
        "HSG y ha publicado investigaciones sobre cómo bajar la dosis.",
    ),
    "are-there-other-tests-instead-of-an-hsg": (
        "¿Hay otras pruebas en lugar de una HSG?",
        "Algunas pruebas dan parte de los mismos datos:\n\n"
        "- La **laparoscopia** es una cirugía. Necesita anestesia general, es decir, un "
        "medicamento la duerme por completo.\n"
        "- La **histeroscopia** usa una cámara delgada para ver el interior del útero. No "
        "puede mostrar si sus trompas están bloqueadas.\n"
        "- La **sonohisterografía** usa ultrasonido (ondas de sonido) para mostrar el "
        "interior del útero. No da datos completos sobre las trompas.\n\n"
        "Su médico de fertilidad puede ayudarla a elegir la prueba correcta.",
    ),
    "when-should-i-schedule-my-hsg": (
        "¿Cuándo debo hacer la cita para mi HSG?",
        "Entre los días 5 y 12 de su ciclo. El día 1 es el primer día de sangrado de su "
        f"período. Llámenos el día 1 de su período. Nuestro número de teléfono es {PHONE}.",
    ),
    "why-days-5-to-12": (
        "¿Por qué el examen tiene que ser entre los días 5 y 12?",
        "Hay dos razones:\n\n"
        "- Ya paró su sangrado. La sangre en el útero puede hacer que las imágenes se vean "
        "menos claras. Por eso no hacemos el examen durante su período.\n"
        "- Todavía no ha ovulado. La ovulación es cuando un ovario suelta un óvulo. Hacer "
        "la prueba antes baja la probabilidad de que un embarazo temprano reciba la prueba. "
        "No la elimina, así que díganos si podría estar embarazada.",
    ),
    "what-if-i-might-be-pregnant": (
        "¿Y si podría estar embarazada?",
        "Díganos, y llámenos antes de pedir la cita para su examen. Hacemos la HSG antes "
        "de que usted ovule. Así baja la probabilidad de que un embarazo temprano reciba la "
        "prueba. Pero las fechas no lo pueden descartar. El formulario también se lo "
        "pregunta.",
    ),
    "what-if-my-cycle-is-irregular": (
        "¿Y si mis períodos son irregulares o tengo necesidades de salud especiales?",
        "Hable con su médico sobre las fechas. Puede darle consejos según su historia de "
        "salud. Si sus períodos son irregulares o usa anticonceptivos, díganos cuando pida "
        "la cita. Buscaremos las fechas con usted. Si su ciclo normal dura menos de 26 "
        "días, díganos también. Confirmaremos con usted el día de su examen.",
    ),
    "do-i-need-to-fast": (
        "¿Tengo que ayunar antes del examen?",
        "No. Puede comer y beber como siempre. Siga cualquier otro consejo de su médico. Por "
        "ejemplo, puede pedirle que deje algunos medicamentos o suplementos por un tiempo. "
        f"¿Preguntas? Llámenos al {PHONE}.",
    ),
    "should-i-take-a-pain-reliever-before": (
        "¿Debo tomar un analgésico antes del examen?",
        "Puede ayudar. Si es seguro para usted, tome Tylenol (acetaminofén) o ibuprofeno de "
        "30 a 60 minutos antes de su examen. Siga las instrucciones de la etiqueta. No tome "
        "ibuprofeno si es alérgica a él o si un médico le dijo que no lo tome. Puede aliviar "
        "los cólicos durante y después de la prueba.",
    ),
    "what-should-i-bring": (
        "¿Qué debo traer a mi cita?",
        "- Su tarjeta del seguro médico y una identificación con foto.\n"
        "- Los formularios de referencia o de autorización de su médico.\n"
        "- Ropa cómoda y fácil de cambiar. Usará una bata para el examen.\n"
        "- Toallas sanitarias. Puede tener un poco de manchado después.\n"
        "- Un analgésico de venta libre, como ibuprofeno o acetaminofén.",
    ),
    "what-if-i-am-allergic-to-contrast": (
        "¿Y si soy alérgica al medio de contraste?",
        "El medio de contraste es el líquido que se ve en los rayos X. Una reacción es rara, "
        "pero puede pasar. Es el mismo medio de contraste que se usa en la tomografía "
        "computarizada. Los signos pueden ser leves o graves: ronchas, picazón, hinchazón o "
        "dificultad para respirar. Si ya tuvo una reacción, díganos antes de su examen. "
        "Podemos usar otro medio de contraste llamado gadolinio. También tenemos "
        "medicamentos y equipos listos para tratar una reacción. El Lipiodol también "
        "contiene yodo, así que díganos también antes de una HSG con lavado de Lipiodol.",
    ),
    "do-i-need-antibiotics": (
        "¿Necesito antibióticos antes del examen?",
        "No de rutina. La probabilidad de infección es baja. Pero díganos si tuvo una "
        "infección pélvica, que es una infección del útero, las trompas o los ovarios. Puede "
        "cambiar las fechas o la forma de hacer su examen. Su médico también puede darle "
        "antibióticos antes de la prueba.",
    ),
    "what-happens-during-the-hsg": (
        "¿Qué pasa durante la HSG?",
        "1. Se pone una bata y se acuesta en la mesa de examen, con los pies en los "
        "estribos.\n"
        "2. El médico coloca un espéculo en su vagina. Es la herramienta que se usa para la "
        "prueba de Papanicolaou. Separa las paredes de la vagina.\n"
        "3. El médico pasa un catéter, un tubo delgado y suave, por su cuello uterino. El "
        "cuello uterino es la abertura en la parte de abajo del útero.\n"
        "4. El medio de contraste entra despacio. El médico lo mira en un video de rayos X "
        "en vivo. Es posible que le pidan cambiar de posición.\n"
        "5. El médico saca el catéter y el espéculo.",
    ),
    "how-long-does-the-hsg-take": (
        "¿Cuánto dura la HSG?",
        "Cuando el catéter está en su lugar, la prueba dura menos de cinco minutos. Un "
        "catéter es un tubo delgado y suave. Su visita completa dura más, porque también se "
        "cambia de ropa y habla con el médico.",
    ),
    "does-an-hsg-hurt": (
        "¿Duele una HSG?",
        "La mayoría de las personas la tolera bien. Puede sentir cólicos cuando entra el "
        "tubo y fluye el medio de contraste. Se pueden sentir como cólicos menstruales, "
        "agudos o leves. Algunas personas sienten un cólico corto y fuerte. El dolor es "
        "distinto para cada persona. Si está preocupada, hable con nosotros o con su médico "
        "antes del examen.",
    ),
    "how-can-i-be-more-comfortable": (
        "¿Cómo puedo estar más cómoda durante el examen?",
        "- Tome ibuprofeno o acetaminofén de 30 a 60 minutos antes, si es seguro para "
        "usted. Siga las instrucciones de la etiqueta.\n"
        "- Use Pro-Nox, un gas que se respira por una boquilla. Usted lo controla, y hace "
        "efecto en segundos.\n"
        "- Respire despacio y hondo para aliviar la tensión.",
    ),
    "can-someone-come-into-the-exam-room": (
        "¿Puede alguien entrar conmigo a la sala del examen?",
        "No. Solo el personal médico necesario para su examen puede estar en la sala de "
        "fluoroscopia. Es la sala con la máquina de rayos X en vivo. Así la sala se mantiene "
        "limpia, se protege su privacidad y otras personas no reciben rayos X sin "
        "necesidad. Su familia o sus amigos pueden esperar en nuestra sala de espera.",
    ),
    "what-should-i-expect-after-the-hsg": (
        "¿Qué puedo esperar después de la HSG?",
        "- Los cólicos pueden volver unas 3 a 4 horas después.\n"
        "- Puede tener manchado por uno o dos días.\n"
        "- Puede salir un poco del medio de contraste. Use una toalla sanitaria el resto "
        "del día. Puede necesitarla por unos días.\n\n"
        "Esto es normal y suele pasar rápido. Algunas señales no son normales: vea "
        "[cuándo llamarnos](/es/faq/#when-should-i-call-after-my-exam).",
    ),
    "how-do-i-take-care-of-myself-after": (
        "¿Cómo me cuido después del examen?",
        "- Puede volver enseguida a sus actividades de siempre.\n"
        "- Tome muchos líquidos.\n"
        "- Si tiene cólicos, puede tomar un analgésico de venta libre, si es seguro para "
        "usted. Siga las instrucciones de la etiqueta.\n"
        "- Use una toalla sanitaria para proteger su ropa.",
    ),
    "can-i-have-sex-after-an-hsg": (
        "¿Puedo tener relaciones sexuales después de una HSG?",
        "Sí. No necesita evitar las relaciones sexuales después del examen. De hecho, puede "
        "ser más probable quedar embarazada después de una HSG. Depende de la causa de su "
        "infertilidad.",
    ),
    "when-should-i-call-after-my-exam": (
        "¿Cuándo debo llamarlos después de mi examen?",
        "Algunas señales no son normales después de un examen. Aquí están, con lo que debe "
        "hacer cuando nuestra oficina está cerrada.",
    ),
    "will-you-check-on-me-after-the-exam": (
        "¿Me van a preguntar cómo estoy después del examen?",
        "Sí. Le enviaremos un texto para saber cómo se siente. Puede responder con sus preguntas.",
    ),
    "when-do-i-get-my-results": (
        "¿Cuándo recibo mis resultados?",
        "Justo después del examen. El médico le explica lo que muestran las imágenes. "
        "También recibe un informe escrito para guardar.",
    ),
    "will-my-doctor-get-the-report": (
        "¿Mi médico va a recibir el informe?",
        "Sí. Enviamos su informe por fax al médico que la envió. Luego su médico puede "
        "hablar con usted sobre los próximos pasos.",
    ),
    "does-an-hsg-raise-my-chances-of-getting-pregnant": (
        "¿Una HSG aumenta mis probabilidades de quedar embarazada?",
        "Puede ser. La HSG es una prueba, no un tratamiento. Pero las mujeres con "
        "infertilidad sin causa conocida parecen quedar embarazadas más a menudo después de "
        "la prueba. Se cree que sus tasas de embarazo son de 2 a 3 veces más altas que las "
        "de las mujeres que no se hicieron la prueba. Nadie sabe bien por qué. También "
        "puede ser por casualidad.",
    ),
    "can-an-hsg-open-blocked-tubes": (
        "¿Puede una HSG abrir trompas bloqueadas?",
        "A veces. La presión del medio de contraste puede abrir un bloqueo pequeño, como "
        'moco, restos o bandas finas de tejido de cicatriz. Los médicos lo llaman "lavado '
        'tubárico". No siempre funciona. Algunos bloqueos necesitan otro procedimiento, '
        "como la recanalización de las trompas de Falopio (FTR) o una cirugía. Vea "
        "[nuestra página de la FTR](/es/procedures/fallopian-tube-recanalization/).",
    ),
    "does-insurance-cover-an-hsg": (
        "¿El seguro médico cubre la HSG?",
        "Depende de su plan y de sus beneficios de fertilidad. Algunos planes la cubren y "
        "otros no. Lo que usted paga también puede depender de su deducible, su copago y la "
        "razón por la que necesita la prueba. Llame a su compañía de seguro para saberlo. "
        "Vea los planes que aceptamos en nuestra [página de seguros](/es/insurance/).",
    ),
    "what-are-the-cpt-codes-for-an-hsg": (
        "¿Cuáles son los códigos CPT de una HSG?",
        "Los códigos CPT son números que las compañías de seguro usan para nombrar un "
        "servicio. La HSG usa dos códigos. Se cobran juntos:\n\n"
        "- **58340** ($360): colocar el catéter (un tubo delgado y suave) y poner el medio "
        "de contraste.\n"
        "- **74740** ($220): el radiólogo que vigila el examen y lee las imágenes. Un "
        "radiólogo es un médico experto en imágenes médicas.",
    ),
    "can-i-pay-for-the-hsg-myself": (
        "¿Puedo pagar la HSG yo misma?",
        "Sí. Esto se llama pago propio. Usted paga los dos códigos CPT: 58340 ($360) y "
        "74740 ($220). Los precios también están en nuestra "
        "[página de seguros](/es/insurance/).",
    ),
    "does-insurance-cover-lipiodol": (
        "¿El seguro médico cubre el Lipiodol?",
        "No. Los seguros médicos de EE. UU. no cubren el Lipiodol. Cuesta $1,700 por un "
        "frasco de 10 mL de Lipiodol de Guerbet. Usted lo paga.",
    ),
    "what-is-a-lipiodol-flush-hsg": (
        "¿Qué es una HSG con lavado de Lipiodol?",
        "Es una HSG que termina con Lipiodol. El Lipiodol es un medio de contraste a base "
        "de aceite, un líquido que se ve en los rayos X. Una HSG normal usa un medio de "
        "contraste soluble en agua, que se mezcla con el agua. El Lipiodol es más espeso y "
        "se pega mejor a las paredes de las trompas y del útero.",
    ),
    "why-choose-lipiodol": (
        "¿Por qué elegiría el Lipiodol?",
        "Algunos estudios han relacionado el Lipiodol con más embarazos y más nacimientos "
        "que el medio de contraste a base de agua. Un estudio grande en el New England "
        "Journal of Medicine encontró beneficios para la fertilidad con el Lipiodol. "
        "También puede ayudar a abrir bloqueos en las trompas. Son beneficios posibles, no "
        "promesas. Pregúntele a su médico si tiene sentido para usted.",
    ),
    "can-everyone-have-lipiodol": (
        "¿Todas pueden recibir Lipiodol?",
        "No siempre. Empezamos cada examen con un medio de contraste soluble en agua. Así "
        "vemos si sus trompas están abiertas y tienen un tamaño normal. Solo seguimos con "
        "el Lipiodol si es así.",
    ),
    "what-is-fallopian-tube-recanalization": (
        "¿Qué es la recanalización de las trompas de Falopio (FTR)?",
        "La FTR abre una trompa de Falopio bloqueada sin cirugía. También se llama "
        "salpingografía selectiva. Es el primer tratamiento que se prueba cuando está "
        "bloqueada la parte proximal de la trompa. Es la parte de la trompa más cercana al "
        "útero. El médico guía un tubo delgado y suave hasta el bloqueo. Luego un alambre "
        "delgado lo abre.",
    ),
    "can-every-blocked-tube-be-opened": (
        "¿Se puede abrir cualquier trompa bloqueada?",
        "No. El éxito depende de dónde está el bloqueo y de qué tan grave es. Una trompa "
        "que se abrió también puede bloquearse otra vez más adelante. Aun después de la "
        "FTR, es posible que necesite la FIV (fecundación in vitro) para quedar embarazada.",
    ),
    "what-is-pro-nox": (
        "¿Qué es el Pro-Nox?",
        "El Pro-Nox es una mezcla de óxido nitroso y oxígeno. Usted lo respira por una "
        "boquilla para aliviar el dolor y los nervios. Usted controla cuánto usa. Hace "
        "efecto en segundos. Lo puede usar durante una HSG, una HSG con lavado de Lipiodol "
        "o una FTR.",
    ),
    "will-pro-nox-make-me-sleepy": (
        "¿El Pro-Nox me va a dar sueño?",
        "No. Usted sigue despierta y alerta. El efecto se pasa a los pocos minutos de dejar "
        "de usarlo. No deja sueño después, así que puede seguir con su día.",
    ),
    "where-is-your-office": (
        "¿Dónde está su oficina?",
        "Estamos en 200 West 57th Street, Suite 407, New York, NY 10019. Vea el mapa en "
        "nuestra [página de dirección](/es/location/).",
    ),
    "what-are-your-hours": (
        "¿Cuál es su horario?",
        "Abrimos de 9:00 am a 5:00 pm. Cerramos los días feriados principales. Vea qué días "
        "abrimos en nuestra [página de dirección](/es/location/).",
    ),
    "how-can-i-reach-you": (
        "¿Cómo me comunico con ustedes?",
        f"- Llámenos al {PHONE}.\n- Escríbanos a {EMAIL}.",
    ),
    "how-do-i-book-an-appointment": (
        "¿Cómo pido una cita?",
        "El día 1 de su período, llámenos. O "
        "[envíenos una solicitud por internet](/es/appointments/request/). Fijaremos con "
        "usted un día entre los días 5 y 12 de su ciclo.",
    ),
}


def load(apps, schema_editor):
    Category = apps.get_model("faq", "Category")
    Question = apps.get_model("faq", "Question")
    for slug, name in CATEGORIES.items():
        Category.objects.filter(slug=slug, name_es="").update(name_es=name)
    for slug, (question, answer) in QUESTIONS.items():
        Question.objects.filter(slug=slug, question_es="").update(question_es=question)
        Question.objects.filter(slug=slug, answer_es="").update(answer_es=answer)


def unload(apps, schema_editor):
    apps.get_model("faq", "Category").objects.update(name_es="")
    apps.get_model("faq", "Question").objects.update(question_es="", answer_es="")


class Migration(migrations.Migration):
    dependencies = [("faq", "0005_spanish_fields")]

    operations = [migrations.RunPython(load, unload)]
