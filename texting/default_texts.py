"""The words each automatic text starts with, in English and Spanish.

Loaded into the message templates by migrations; staff edit them in the admin, where
`texting.bodies.template_errors` checks every change. Plain data, no Django.
"""

DEFAULT_TEMPLATES = {
    "received": (
        "{practice}: Hi {first_name}, we got your appointment request. We will call you "
        "soon to pick a day and time. Questions? Call {phone}. Reply STOP to opt out."
    ),
    "scheduled": (
        "{practice}: Hi {first_name}, your visit is on {date} at {time}, at {address}. "
        "How to get ready is in the email we sent you. Questions? Call {phone}. "
        "Reply STOP to opt out."
    ),
    "moved": (
        "{practice}: Hi {first_name}, your visit has moved to {date} at {time}, at "
        "{address}. Questions? Call {phone}. Reply STOP to opt out."
    ),
    "reminder": (
        "{practice}: Hi {first_name}, see you tomorrow, {date} at {time}. Bring a photo ID "
        "and your insurance card. How to get ready is in our email. Reply C to confirm. "
        "Reply STOP to opt out."
    ),
    "follow_up": (
        "{practice}: Hi {first_name}, how are you feeling after your visit? Reply here to "
        "tell us. When to call us: {help_url} Call {phone}. {closed_help} "
        "Reply STOP to opt out."
    ),
    "reply_help": (
        "{practice}: for help call {phone}. Call 911 in an emergency. Reply STOP to opt out."
    ),
    "reply_urgent": (
        "{practice}: we got your message and our staff will see it. Please call us now "
        "at {phone}. {closed_help}"
    ),
    "reply_closed": (
        "{practice}: we got your message, but our office is closed now and we may not see "
        "it until we open. Please do not wait for us. {closed_help}"
    ),
    "reply_message": (
        "{practice}: thank you, we got your message. Our staff answer texts when the office "
        "is open: {office_hours}. If it cannot wait, call {phone}. {closed_help}"
    ),
    "reply_confirmed": (
        "{practice}: thank you, your visit on {date} at {time} is confirmed. To change "
        "it, call {phone}."
    ),
    "reply_no_visit": (
        "{practice}: we could not find an upcoming visit for this number. Please call {phone}."
    ),
    "reply_start": ("{practice}: you will get texts from us again. Reply STOP to opt out."),
    # Day 1 by text (appointments/day_one.py): the answers to her "1", and the two texts
    # she asked for near her next day 1. They name neither the exam nor the period.
    "day1_link": (
        "{practice}: thank you. Day 1: {day_one}. Pick your time here: {link} "
        "Open until {last_day}. Wrong day? Call {phone}."
    ),
    "day1_call": (
        "{practice}: thank you, we got your text. Our staff will call you to pick a time. "
        "Questions? Call {phone}."
    ),
    "day1_unknown": (
        "{practice}: thank you for your text. To ask for a visit, use {book_url} or call {phone}."
    ),
    "day1_remind": (
        "{practice}: Hi {first_name}, this is the text you asked for. Reply 1 on your day 1 "
        "and we will send you times. Reply STOP to opt out."
    ),
    "day1_remind_2": (
        "{practice}: Hi {first_name}, a second text, as you asked. Reply 1 on your day 1 "
        "and we will send you times, or call {phone}. Reply STOP to opt out."
    ),
    # The waitlist (appointments/waitlist_texts.py): an earlier time is free for her.
    "waitlist_offer": (
        "{practice}: an earlier time is free for you. It is held for 30 minutes. "
        "See it here: {link} Reply STOP to opt out."
    ),
}

# The same texts in Spanish, for patients who asked in Spanish. Written without á, í, ó
# and ú (outside GSM-7, they would make every text UCS-2, 70 characters a segment), so
# each fits in two 153-character GSM-7 segments with the longest values filled in.
DEFAULT_TEMPLATES_ES = {
    "received": (
        "{practice}: Hola {first_name}, recibimos su solicitud de cita. Pronto la "
        "llamaremos para elegir la fecha y la hora. ¿Preguntas? Llame al {phone}. "
        "Responda PARAR para no recibir textos."
    ),
    "scheduled": (
        "{practice}: Hola {first_name}, su cita es el {date} a las {time}, en {address}. "
        "Para prepararse, lea el correo que le enviamos. ¿Preguntas? Llame al {phone}. "
        "Responda PARAR para no recibir textos."
    ),
    "moved": (
        "{practice}: Hola {first_name}, su cita cambio al {date} a las {time}, en "
        "{address}. ¿Preguntas? Llame al {phone}. Responda PARAR para no recibir textos."
    ),
    "reminder": (
        "{practice}: Hola {first_name}, hasta mañana, {date} a las {time}. Traiga su ID "
        "con foto y su tarjeta del seguro. Para prepararse, lea nuestro correo. Responda C "
        "para confirmar. Responda PARAR para no recibir textos."
    ),
    "follow_up": (
        "{practice}: Hola {first_name}, ¿se siente bien? Cuéntenos. Señales de alarma: "
        "{help_url} Llame al {phone}. {closed_help} Responda PARAR para no recibir textos."
    ),
    "reply_help": (
        "{practice}: para ayuda llame al {phone}. En una emergencia, llame al 911. "
        "Responda PARAR para no recibir textos."
    ),
    "reply_urgent": (
        "{practice}: recibimos su mensaje y nuestro personal lo va a ver. Por favor llame "
        "ahora al {phone}. {closed_help}"
    ),
    "reply_closed": (
        "{practice}: recibimos su mensaje, pero en este momento la oficina no atiende y "
        "puede que no lo veamos hasta que abra. Por favor no nos espere. {closed_help}"
    ),
    "reply_message": (
        "{practice}: gracias, recibimos su mensaje. Contestamos textos en horario de "
        "oficina: {office_hours}. Si no puede esperar, llame al {phone}. {closed_help}"
    ),
    "reply_confirmed": (
        "{practice}: gracias, su cita del {date} a las {time} queda confirmada. Para "
        "cambiarla, llame al {phone}."
    ),
    "reply_no_visit": (
        "{practice}: no encontramos una cita futura para este teléfono. Por favor llame al {phone}."
    ),
    "reply_start": (
        "{practice}: va a recibir textos de nuevo. Responda PARAR para no recibir textos."
    ),
    "day1_link": (
        "{practice}: gracias. Dia 1: {day_one}. Elija su hora aqui: {link} "
        "Abierto hasta el {last_day}. ¿Otro dia? Llame al {phone}."
    ),
    "day1_call": (
        "{practice}: gracias, recibimos su texto. Nuestro personal la llamara para elegir "
        "una hora. ¿Preguntas? Llame al {phone}."
    ),
    "day1_unknown": (
        "{practice}: gracias por su texto. Para pedir una cita, use {book_url} o llame al {phone}."
    ),
    "day1_remind": (
        "{practice}: Hola {first_name}, este es el texto que nos pidio. Responda 1 en su "
        "dia 1 y le enviaremos horas. Responda PARAR para no recibir textos."
    ),
    "day1_remind_2": (
        "{practice}: Hola {first_name}, un segundo texto, como nos pidio. Responda 1 en su "
        "dia 1 y le enviaremos horas, o llame al {phone}. Responda PARAR para no recibir "
        "textos."
    ),
    "waitlist_offer": (
        "{practice}: hay una hora mas temprano libre para usted. Se la guardamos por 30 "
        "minutos. Vea la hora aqui: {link} Responda PARAR para no recibir textos."
    ),
}
DEFAULTS = {"en": DEFAULT_TEMPLATES, "es": DEFAULT_TEMPLATES_ES}
