"""Demo content: the integration summit consultation of the fictional Landkreis Beispielstadt.

Pure data, no logic. The demo loader builds the consultation, its sections and questions
from these structures and generates a few hundred responses with a fixed random seed;
free-text answers are drawn from `FREE_TEXT`.

All names, addresses and contacts are fictional. German is the source language; every
translated dict carries all entries of `LANGUAGES`.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ["de", "en", "ar", "fa", "uk"]

COMMITTEE = "Ausschuss für Jugend, Soziales und Integration"

MEETING: dict[str, Any] = {
    "title": "Integrationsgipfel 2027 – Beratung des Integrationskonzepts des Landkreises",
    "days_from_now": 35,
    "agenda_item": "TOP 5",
    "paper_number": "BV/2027/041",
}

CONSULTATION: dict[str, Any] = {
    "slug": "integrationsgipfel-2027",
    "title": {
        "de": "Integrationsgipfel 2027: Ihre Erfahrungen für das Integrationskonzept",
        "en": "Integration Summit 2027: your experience for the integration concept",
        "ar": "قمة الاندماج 2027: تجاربكم من أجل خطة الاندماج في المقاطعة",
        "fa": "همایش ادغام ۲۰۲۷: تجربه‌های شما برای طرح ادغام شهرستان",
        "uk": "Інтеграційний саміт 2027: ваш досвід для концепції інтеграції району",
    },
    "introduction": {
        "de": (
            "Der Ausschuss für Jugend, Soziales und Integration des Landkreises Beispielstadt "
            "bereitet das neue Integrationskonzept des Landkreises vor. Dafür möchten wir von "
            "Ihnen – Ehrenamtlichen und Fachleuten aus Verbänden, Schulen, Verwaltung, Polizei "
            "und Migrantenorganisationen – wissen, was in der Praxis gut läuft und wo es hakt. "
            "Ihre Antworten sind anonym. Die Ergebnisse werden zusammengefasst und dem Ausschuss "
            "in seiner Sitzung zum Integrationsgipfel als Beratungsgrundlage vorgelegt."
        ),
        "en": (
            "The Committee for Youth, Social Affairs and Integration of Beispielstadt County is "
            "preparing the county's new integration concept. We would like to hear from you – "
            "volunteers and professionals from welfare associations, schools, administration, "
            "police and migrant organisations – what works well in practice and where things get "
            "stuck. Your answers are anonymous. The results will be summarised and presented to "
            "the committee as a basis for discussion at its integration summit meeting."
        ),
        "ar": (
            "تعمل لجنة الشباب والشؤون الاجتماعية والاندماج في مقاطعة بايشبيلشتات على إعداد خطة "
            "الاندماج الجديدة للمقاطعة. لذلك نود أن نعرف منكم، أنتم المتطوعين والمختصين في جمعيات "
            "الرعاية والمدارس والإدارة والشرطة ومنظمات المهاجرين، ما الذي ينجح في الواقع العملي "
            "وأين توجد الصعوبات. إجاباتكم مجهولة الهوية. ستُلخَّص النتائج وتُعرض على اللجنة في جلستها "
            "الخاصة بقمة الاندماج لتكون أساسًا للنقاش."
        ),
        "fa": (
            "کمیته جوانان، امور اجتماعی و ادغام شهرستان بایشپیل‌اشتات در حال آماده کردن طرح جدید "
            "ادغام شهرستان است. به همین دلیل می‌خواهیم از شما، یعنی داوطلبان و متخصصان انجمن‌های "
            "رفاهی، مدرسه‌ها، اداره‌ها، پلیس و سازمان‌های مهاجران، بدانیم که در عمل چه چیزهایی خوب "
            "پیش می‌رود و کجا مشکل وجود دارد. پاسخ‌های شما ناشناس است. نتایج به‌صورت خلاصه به کمیته "
            "ارائه می‌شود و پایه گفت‌وگو در جلسه همایش ادغام خواهد بود."
        ),
        "uk": (
            "Комітет з питань молоді, соціальних справ та інтеграції району Байшпільштадт готує "
            "нову концепцію інтеграції району. Тому ми хочемо дізнатися від вас – волонтерів і "
            "фахівців з благодійних організацій, шкіл, адміністрації, поліції та організацій "
            "мігрантів, – що на практиці працює добре, а де виникають труднощі. Ваші відповіді "
            "анонімні. Результати буде узагальнено й представлено комітету як основу для "
            "обговорення на засіданні, присвяченому інтеграційному саміту."
        ),
    },
    "privacy_notice": {
        "de": (
            "Verantwortlich für die Verarbeitung ist der Landkreis Beispielstadt, Fachdienst "
            "Integration (Kontakt siehe unten). Ihre Angaben werden ausschließlich zur "
            "Vorbereitung der Ausschusssitzung und des Integrationskonzepts ausgewertet (Art. 6 "
            "Abs. 1 lit. e DSGVO). Wir speichern weder Ihre IP-Adresse noch andere Daten, die Sie "
            "identifizieren; bitte nennen Sie auch in Freitextfeldern keine Namen oder "
            "Kontaktdaten. Die Antworten werden zwölf Monate nach der Sitzung gelöscht, "
            "veröffentlicht werden nur zusammengefasste Ergebnisse. Sie haben das Recht auf "
            "Auskunft, Berichtigung und Löschung sowie auf Beschwerde bei der "
            "Datenschutzaufsichtsbehörde."
        ),
        "en": (
            "The controller is Beispielstadt County, Integration Department (contact details "
            "below). Your answers are used only to prepare the committee meeting and the "
            "integration concept (Art. 6(1)(e) GDPR). We do not store your IP address or any "
            "other data that identifies you; please do not enter names or contact details in "
            "free-text fields either. Responses are deleted twelve months after the meeting, and "
            "only aggregated results are published. You have the right of access, rectification "
            "and erasure, and the right to lodge a complaint with the data protection supervisory "
            "authority."
        ),
        "ar": (
            "الجهة المسؤولة عن معالجة البيانات هي مقاطعة بايشبيلشتات، قسم الاندماج (بيانات "
            "الاتصال أدناه). تُستخدم إجاباتكم فقط لتحضير جلسة اللجنة وخطة الاندماج (المادة 6، "
            "الفقرة 1، البند هـ من اللائحة العامة لحماية البيانات). لا نحفظ عنوان IP الخاص بكم "
            "ولا أي بيانات أخرى تكشف هويتكم، ويُرجى عدم كتابة أسماء أو بيانات اتصال في حقول النص "
            "الحر أيضًا. تُحذف الإجابات بعد اثني عشر شهرًا من الجلسة، ولا تُنشر إلا النتائج المجمّعة. "
            "يحق لكم طلب الاطلاع على البيانات وتصحيحها وحذفها، وتقديم شكوى إلى هيئة الرقابة على "
            "حماية البيانات."
        ),
        "fa": (
            "مسئول پردازش داده‌ها شهرستان بایشپیل‌اشتات، بخش ادغام است (اطلاعات تماس در پایین). "
            "پاسخ‌های شما فقط برای آماده‌سازی جلسه کمیته و طرح ادغام استفاده می‌شود (ماده ۶، بند ۱، "
            "حرف e مقررات عمومی حفاظت از داده‌ها). ما نشانی IP شما یا هر داده دیگری را که هویت شما "
            "را نشان دهد ذخیره نمی‌کنیم؛ لطفاً در بخش‌های متن آزاد هم نام یا اطلاعات تماس ننویسید. "
            "پاسخ‌ها دوازده ماه پس از جلسه حذف می‌شوند و فقط نتایج خلاصه‌شده منتشر می‌شود. شما حق "
            "دسترسی، اصلاح و حذف داده‌ها و همچنین حق شکایت به مرجع نظارت بر حفاظت از داده‌ها را "
            "دارید."
        ),
        "uk": (
            "Відповідальним за обробку даних є район Байшпільштадт, відділ інтеграції (контакти "
            "нижче). Ваші відповіді використовуються лише для підготовки засідання комітету та "
            "концепції інтеграції (ст. 6(1)(e) GDPR). Ми не зберігаємо вашу IP-адресу чи будь-які "
            "інші дані, що дозволяють вас ідентифікувати; будь ласка, не вказуйте імена чи "
            "контактні дані й у полях для вільного тексту. Відповіді видаляються через дванадцять "
            "місяців після засідання, публікуються лише узагальнені результати. Ви маєте право на "
            "доступ до даних, їх виправлення та видалення, а також право подати скаргу до "
            "наглядового органу із захисту даних."
        ),
    },
    "controller_contact": (
        "Landkreis Beispielstadt, Fachdienst Integration, Musterstraße 1, 12345 Beispielstadt, "
        "datenschutz@landkreis-beispielstadt.example"
    ),
    "estimated_minutes": 15,
}

# Stakeholder groups the consultation is addressed to (invitations and analysis filter on them).
GROUPS: list[dict[str, Any]] = [
    {
        "code": "volunteers",
        "label": {
            "de": "Ehrenamtliche Flüchtlingshilfe",
            "en": "Volunteer refugee helpers",
            "ar": "المتطوعون في مساعدة اللاجئين",
            "fa": "داوطلبان کمک به پناهجویان",
            "uk": "Волонтери, які допомагають біженцям",
        },
    },
    {
        "code": "welfare",
        "label": {
            "de": "Wohlfahrtsverbände und Beratungsstellen",
            "en": "Welfare associations and counselling services",
            "ar": "جمعيات الرعاية الاجتماعية ومراكز الاستشارة",
            "fa": "انجمن‌های رفاهی و مراکز مشاوره",
            "uk": "Благодійні організації та консультаційні служби",
        },
    },
    {
        "code": "schools",
        "label": {
            "de": "Schulen und Kitas",
            "en": "Schools and day-care centres",
            "ar": "المدارس ودور الحضانة",
            "fa": "مدرسه‌ها و مهدکودک‌ها",
            "uk": "Школи та дитячі садки",
        },
    },
    {
        "code": "municipal",
        "label": {
            "de": "Kommunale Verwaltung",
            "en": "Municipal administration",
            "ar": "الإدارة المحلية",
            "fa": "اداره‌های شهرداری و شهرستان",
            "uk": "Муніципальна адміністрація",
        },
    },
    {
        "code": "police",
        "label": {"de": "Polizei", "en": "Police", "ar": "الشرطة", "fa": "پلیس", "uk": "Поліція"},
    },
    {
        "code": "migrant_orgs",
        "label": {
            "de": "Migrantenorganisationen",
            "en": "Migrant organisations",
            "ar": "منظمات المهاجرين",
            "fa": "سازمان‌های مهاجران",
            "uk": "Організації мігрантів",
        },
    },
]

# Help texts shared by several questions.
_UP_TO_THREE = {
    "de": "Bitte wählen Sie bis zu drei Punkte.",
    "en": "Please choose up to three items.",
    "ar": "يُرجى اختيار ثلاثة بنود كحد أقصى.",
    "fa": "لطفاً حداکثر سه مورد را انتخاب کنید.",
    "uk": "Оберіть, будь ласка, не більше трьох пунктів.",
}

# --- 1. About the respondent: experience and areas of work.
_Q_ACTIVE_SINCE = {
    "code": "active_since",
    "kind": "date",
    "required": True,
    "field_of_action": "general",
    "prompt": {
        "de": "Seit wann sind Sie in der Flüchtlings- oder Integrationsarbeit aktiv?",
        "en": "Since when have you been active in refugee or integration work?",
        "ar": "منذ متى تعملون في مجال مساعدة اللاجئين أو الاندماج؟",
        "fa": "از چه زمانی در کار با پناهجویان یا در زمینه ادغام فعال هستید؟",
        "uk": "Відколи ви працюєте у сфері допомоги біженцям або інтеграції?",
    },
    "help_text": {
        "de": "Ein ungefähres Datum genügt, z. B. der Monat, in dem Sie angefangen haben.",
        "en": "An approximate date is enough, e.g. the month you started.",
        "ar": "يكفي تاريخ تقريبي، مثلًا الشهر الذي بدأتم فيه.",
        "fa": "یک تاریخ تقریبی کافی است، مثلاً ماهی که شروع کردید.",
        "uk": "Достатньо приблизної дати, наприклад місяця, коли ви почали.",
    },
    "settings": {},
    "show_if": None,
    "options": [],
}
_Q_PEOPLE_SUPPORTED = {
    "code": "people_supported",
    "kind": "number",
    "required": False,
    "field_of_action": "general",
    "prompt": {
        "de": "Wie viele Geflüchtete haben Sie in den letzten 12 Monaten begleitet oder beraten?",
        "en": "About how many refugees have you accompanied or advised in the last twelve months?",
        "ar": "كم لاجئًا تقريبًا رافقتم أو قدّمتم لهم الاستشارة خلال الاثني عشر شهرًا الماضية؟",
        "fa": "در دوازده ماه گذشته تقریباً چند پناهجو را همراهی یا راهنمایی کرده‌اید؟",
        "uk": "Скількох біженців ви супроводжували чи консультували за останні 12 місяців?",
    },
    "help_text": {
        "de": "Eine Schätzung reicht. Bitte zählen Sie Familienmitglieder einzeln.",
        "en": "An estimate is fine. Please count family members individually.",
        "ar": "يكفي تقدير تقريبي. يُرجى عدّ أفراد الأسرة كلًّا على حدة.",
        "fa": "یک تخمین کافی است. لطفاً اعضای خانواده را جداگانه بشمارید.",
        "uk": "Достатньо приблизної оцінки. Членів сімей, будь ласка, рахуйте окремо.",
    },
    "settings": {
        "min": 0,
        "max": 500,
        "unit": {"de": "Personen", "en": "people", "ar": "شخصًا", "fa": "نفر", "uk": "осіб"},
    },
    "show_if": None,
    "options": [],
}
_Q_AREAS_OF_WORK = {
    "code": "areas_of_work",
    "kind": "multiple_choice",
    "required": True,
    "field_of_action": "general",
    "prompt": {
        "de": "In welchen Bereichen sind Sie hauptsächlich tätig?",
        "en": "In which areas do you mainly work?",
        "ar": "في أي المجالات تعملون بشكل أساسي؟",
        "fa": "بیشتر در چه زمینه‌هایی فعالیت می‌کنید؟",
        "uk": "У яких сферах ви переважно працюєте?",
    },
    "help_text": _UP_TO_THREE,
    "settings": {"other": True, "min_selected": 1, "max_selected": 3},
    "show_if": None,
    "options": [
        {
            "code": "housing_search",
            "label": {
                "de": "Wohnungssuche und Begleitung in der Unterkunft",
                "en": "Finding housing and support in the accommodation",
                "ar": "البحث عن سكن والمساعدة في أماكن الإيواء",
                "fa": "پیدا کردن خانه و همراهی در محل اسکان",
                "uk": "Пошук житла та супровід у місцях проживання",
            },
        },
        {
            "code": "language_support",
            "label": {
                "de": "Sprachförderung und Hausaufgabenhilfe",
                "en": "Language support and homework help",
                "ar": "دعم تعلّم اللغة والمساعدة في الواجبات المدرسية",
                "fa": "آموزش زبان و کمک به تکالیف مدرسه",
                "uk": "Мовна підтримка та допомога з домашніми завданнями",
            },
        },
        {
            "code": "authorities",
            "label": {
                "de": "Begleitung zu Behörden und Jobcenter",
                "en": "Accompanying people to authorities and the job centre",
                "ar": "مرافقة الأشخاص إلى الدوائر الرسمية ومركز العمل (Jobcenter)",
                "fa": "همراهی در اداره‌ها و جاب‌سنتر",
                "uk": "Супровід до установ і джобцентру",
            },
        },
        {
            "code": "work_training",
            "label": {
                "de": "Ausbildung und Arbeit",
                "en": "Vocational training and employment",
                "ar": "التدريب المهني والعمل",
                "fa": "آموزش حرفه‌ای و کار",
                "uk": "Професійне навчання та робота",
            },
        },
        {
            "code": "health",
            "label": {
                "de": "Gesundheit und Arztbesuche",
                "en": "Health and doctor's appointments",
                "ar": "الصحة ومواعيد الأطباء",
                "fa": "سلامت و مراجعه به پزشک",
                "uk": "Здоров’я та візити до лікаря",
            },
        },
        {
            "code": "leisure",
            "label": {
                "de": "Freizeit, Sport und Begegnung",
                "en": "Leisure, sport and social encounters",
                "ar": "الترفيه والرياضة واللقاءات",
                "fa": "اوقات فراغت، ورزش و دیدار با دیگران",
                "uk": "Дозвілля, спорт і зустрічі",
            },
        },
    ],
}
_S_RESPONDENT = {
    "title": {
        "de": "Über Sie und Ihre Arbeit",
        "en": "About you and your work",
        "ar": "عنكم وعن عملكم",
        "fa": "درباره شما و کارتان",
        "uk": "Про вас і вашу роботу",
    },
    "description": {
        "de": "Ein paar Angaben zu Ihrer Erfahrung helfen uns, die Antworten einzuordnen.",
        "en": "A few details about your experience help us put the answers in context.",
        "ar": "تساعدنا بعض المعلومات عن خبرتكم على فهم الإجابات في سياقها.",
        "fa": "چند اطلاعات درباره تجربه شما به ما کمک می‌کند پاسخ‌ها را بهتر بفهمیم.",
        "uk": "Кілька відомостей про ваш досвід допоможуть нам правильно оцінити відповіді.",
    },
    "questions": [_Q_ACTIVE_SINCE, _Q_PEOPLE_SUPPORTED, _Q_AREAS_OF_WORK],
}

# --- 2. Housing.
_Q_HOUSING_SITUATION = {
    "code": "housing_situation",
    "kind": "single_choice",
    "required": True,
    "field_of_action": "housing",
    "prompt": {
        "de": "Wo leben die meisten Menschen, die Sie begleiten, derzeit?",
        "en": "Where do most of the people you support currently live?",
        "ar": "أين يسكن حاليًا معظم الأشخاص الذين تساعدونهم؟",
        "fa": "بیشتر افرادی که همراهی‌شان می‌کنید در حال حاضر کجا زندگی می‌کنند؟",
        "uk": "Де зараз живе більшість людей, яких ви підтримуєте?",
    },
    "help_text": {},
    "settings": {"other": True},
    "show_if": None,
    "options": [
        {
            "code": "shared_accommodation",
            "label": {
                "de": "In einer Gemeinschaftsunterkunft",
                "en": "In shared accommodation (Gemeinschaftsunterkunft)",
                "ar": "في سكن جماعي (Gemeinschaftsunterkunft)",
                "fa": "در اقامتگاه جمعی (هایم)",
                "uk": "У спільному житлі (Gemeinschaftsunterkunft)",
            },
        },
        {
            "code": "county_flat",
            "label": {
                "de": "In einer vom Landkreis angemieteten Wohnung",
                "en": "In a flat rented by the county",
                "ar": "في شقة تستأجرها المقاطعة",
                "fa": "در خانه‌ای که شهرستان اجاره کرده است",
                "uk": "У квартирі, яку орендує район",
            },
        },
        {
            "code": "own_flat",
            "label": {
                "de": "In einer eigenen Mietwohnung",
                "en": "In a flat with their own tenancy",
                "ar": "في شقة مستأجرة بأسمائهم",
                "fa": "در خانه اجاره‌ای با قرارداد خودشان",
                "uk": "У власній орендованій квартирі",
            },
        },
        {
            "code": "private_hosts",
            "label": {
                "de": "Bei Verwandten oder Gastfamilien",
                "en": "With relatives or host families",
                "ar": "لدى أقارب أو عائلات مضيفة",
                "fa": "نزد خویشاوندان یا خانواده‌های میزبان",
                "uk": "У родичів або приймаючих сімей",
            },
        },
        {
            "code": "mixed",
            "label": {
                "de": "Sehr unterschiedlich, keine Mehrheit",
                "en": "It varies a lot, there is no majority",
                "ar": "يختلف كثيرًا، ولا توجد أغلبية",
                "fa": "خیلی متفاوت است و اکثریتی وجود ندارد",
                "uk": "Дуже по-різному, більшості немає",
            },
        },
    ],
}
_Q_HOUSING_MARKET_DIFFICULTY = {
    "code": "housing_market_difficulty",
    "kind": "scale",
    "required": True,
    "field_of_action": "housing",
    "prompt": {
        "de": "Wie schwer finden Geflüchtete mit Aufenthaltstitel im Landkreis eine Wohnung?",
        "en": "How hard is it for refugees with a residence permit to find a flat in the county?",
        "ar": "ما مدى صعوبة عثور اللاجئين الحاصلين على إقامة على شقة خاصة بهم في المقاطعة؟",
        "fa": "برای پناهجویانی که اجازه اقامت دارند، پیدا کردن خانه مستقل در شهرستان چقدر سخت است؟",
        "uk": "Наскільки складно біженцям із дозволом на проживання знайти власне житло в районі?",
    },
    "help_text": {
        "de": "Etwa Mieten, Vorbehalte von Vermietern und die Kostenübernahme durch das Jobcenter.",
        "en": "Think of rents, landlords' prejudices and whether the job centre pays the costs.",
        "ar": "فكّروا في مستوى الإيجارات، وتحفّظات المؤجرين، وما إذا كان مركز العمل يتحمّل التكاليف.",
        "fa": "به قیمت اجاره، پیش‌داوری صاحب‌خانه‌ها و پرداخت هزینه‌ها از طرف جاب‌سنتر فکر کنید.",
        "uk": "Наприклад, ціни оренди, упередження орендодавців і чи покриває витрати джобцентр.",
    },
    "settings": {
        "min": 1,
        "max": 5,
        "min_label": {
            "de": "Sehr leicht",
            "en": "Very easy",
            "ar": "سهل جدًا",
            "fa": "خیلی آسان",
            "uk": "Дуже легко",
        },
        "max_label": {
            "de": "Sehr schwer",
            "en": "Very difficult",
            "ar": "صعب جدًا",
            "fa": "خیلی سخت",
            "uk": "Дуже складно",
        },
        "dont_know": True,
    },
    "show_if": None,
    "options": [],
}
_S_HOUSING = {
    "title": {"de": "Wohnen", "en": "Housing", "ar": "السكن", "fa": "مسکن", "uk": "Житло"},
    "description": {
        "de": "Wohnraum ist knapp. Wie sind die Menschen untergebracht, die Sie begleiten?",
        "en": "Housing is scarce. Where and how do the people you support live?",
        "ar": "السكن شحيح. أين وكيف يعيش الأشخاص الذين تساعدونهم؟",
        "fa": "مسکن کم است. افرادی که همراهی‌شان می‌کنید کجا و چطور زندگی می‌کنند؟",
        "uk": "Житла бракує. Де і як живуть люди, яких ви підтримуєте?",
    },
    "questions": [_Q_HOUSING_SITUATION, _Q_HOUSING_MARKET_DIFFICULTY],
}

# --- 3. Language, education and the labour market.
_Q_COURSE_WAITING_TIME = {
    "code": "course_waiting_time",
    "kind": "single_choice",
    "required": True,
    "field_of_action": "language_education",
    "prompt": {
        "de": "Wie lange warten die Menschen, die Sie begleiten, meist auf einen Integrationskurs?",
        "en": "How long do people you support usually wait for a place in an integration course?",
        "ar": "كم ينتظر عادةً الأشخاص الذين تساعدونهم للحصول على مكان في دورة الاندماج؟",
        "fa": "افرادی که همراهی‌شان می‌کنید معمولاً چه مدت برای گرفتن جا در دوره ادغام منتظر می‌مانند؟",
        "uk": "Скільки зазвичай чекають ваші підопічні на місце на інтеграційному курсі?",
    },
    "help_text": {
        "de": "Gemeint ist die Zeit von der Berechtigung bis zum Kursbeginn.",
        "en": "This means the time from becoming eligible to the start of the course.",
        "ar": "المقصود هو المدة من الحصول على الحق في الدورة حتى بدايتها.",
        "fa": "منظور مدت زمان از گرفتن اجازه شرکت تا شروع دوره است.",
        "uk": "Ідеться про час від отримання права на курс до його початку.",
    },
    "settings": {},
    "show_if": None,
    "options": [
        {
            "code": "up_to_three_months",
            "label": {
                "de": "Bis zu 3 Monate",
                "en": "Up to 3 months",
                "ar": "حتى 3 أشهر",
                "fa": "تا ۳ ماه",
                "uk": "До 3 місяців",
            },
        },
        {
            "code": "three_to_six_months",
            "label": {
                "de": "3 bis 6 Monate",
                "en": "3 to 6 months",
                "ar": "من 3 إلى 6 أشهر",
                "fa": "۳ تا ۶ ماه",
                "uk": "Від 3 до 6 місяців",
            },
        },
        {
            "code": "six_to_twelve_months",
            "label": {
                "de": "6 bis 12 Monate",
                "en": "6 to 12 months",
                "ar": "من 6 إلى 12 شهرًا",
                "fa": "۶ تا ۱۲ ماه",
                "uk": "Від 6 до 12 місяців",
            },
        },
        {
            "code": "over_twelve_months",
            "label": {
                "de": "Länger als 12 Monate",
                "en": "More than 12 months",
                "ar": "أكثر من 12 شهرًا",
                "fa": "بیشتر از ۱۲ ماه",
                "uk": "Понад 12 місяців",
            },
        },
        {
            "code": "no_experience",
            "label": {
                "de": "Dazu habe ich keine Erfahrung",
                "en": "I have no experience with this",
                "ar": "ليست لدي خبرة في ذلك",
                "fa": "در این مورد تجربه‌ای ندارم",
                "uk": "Не маю досвіду в цьому",
            },
        },
    ],
}
_Q_EDUCATION_BARRIERS = {
    "code": "education_barriers",
    "kind": "long_text",
    "required": False,
    "field_of_action": "language_education",
    "prompt": {
        "de": (
            "Was erschwert Kindern und Erwachsenen den Zugang zu Kita, Schule, Sprachkurs oder "
            "Ausbildung am meisten?"
        ),
        "en": (
            "What makes access to day care, school, language courses or vocational training "
            "hardest for children and adults?"
        ),
        "ar": (
            "ما أكثر ما يُصعّب على الأطفال والبالغين الوصول إلى الحضانة أو المدرسة أو دورات اللغة "
            "أو التدريب المهني؟"
        ),
        "fa": (
            "چه چیزی بیشتر از همه دسترسی کودکان و بزرگسالان به مهدکودک، مدرسه، کلاس زبان یا آموزش "
            "حرفه‌ای را سخت می‌کند؟"
        ),
        "uk": (
            "Що найбільше ускладнює дітям і дорослим доступ до дитсадка, школи, мовних курсів чи "
            "професійного навчання?"
        ),
    },
    "help_text": {
        "de": "Bitte beschreiben Sie konkrete Beispiele, ohne Namen zu nennen.",
        "en": "Please describe concrete examples without naming anyone.",
        "ar": "يُرجى وصف أمثلة ملموسة دون ذكر أسماء.",
        "fa": "لطفاً نمونه‌های مشخص بنویسید، بدون ذکر نام افراد.",
        "uk": "Будь ласка, опишіть конкретні приклади, не називаючи імен.",
    },
    "settings": {"max_length": 5000},
    "show_if": None,
    "options": [],
}
_Q_QUALIFICATION_RECOGNITION = {
    "code": "qualification_recognition",
    "kind": "yes_no",
    "required": True,
    "field_of_action": "labour_market",
    "prompt": {
        "de": (
            "Haben Sie in den letzten zwei Jahren erlebt, dass jemand eine Arbeit nicht aufnehmen "
            "konnte, weil ein ausländischer Abschluss nicht oder nur sehr langsam anerkannt wurde?"
        ),
        "en": (
            "In the last two years, have you seen someone unable to take up a job because a "
            "foreign qualification was not recognised, or only very slowly?"
        ),
        "ar": (
            "هل شهدتم خلال العامين الماضيين أن شخصًا لم يتمكن من بدء عمل لأن شهادته الأجنبية لم "
            "يُعترف بها أو تأخر الاعتراف بها كثيرًا؟"
        ),
        "fa": (
            "آیا در دو سال گذشته دیده‌اید که کسی نتواند کاری را شروع کند، چون مدرک خارجی‌اش به "
            "رسمیت شناخته نشد یا خیلی دیر شناخته شد؟"
        ),
        "uk": (
            "Чи траплялося вам за останні два роки бачити, що хтось не міг почати працювати, бо "
            "іноземну кваліфікацію не визнали або визнавали дуже довго?"
        ),
    },
    "help_text": {
        "de": "Zum Beispiel bei Pflegekräften, Lehrkräften, Handwerkern oder Ärztinnen und Ärzten.",
        "en": "For example nurses, teachers, craftspeople or doctors.",
        "ar": "مثلًا في مهن التمريض أو التعليم أو الحِرف أو الطب.",
        "fa": "برای مثال پرستاران، معلمان، صنعتگران یا پزشکان.",
        "uk": "Наприклад, медсестри, вчителі, ремісники чи лікарі.",
    },
    "settings": {},
    "show_if": None,
    "options": [],
}
_Q_RECOGNITION_DETAILS = {
    "code": "recognition_details",
    "kind": "short_text",
    "required": False,
    "field_of_action": "labour_market",
    "prompt": {
        "de": "Welche Berufe oder Abschlüsse waren betroffen, und woran ist es gescheitert?",
        "en": "Which professions or qualifications were affected, and what was the obstacle?",
        "ar": "ما المهن أو الشهادات التي تأثرت، وما الذي عرقل الأمر؟",
        "fa": "کدام شغل‌ها یا مدرک‌ها درگیر بودند و مشکل کجا بود؟",
        "uk": "Яких професій чи кваліфікацій це стосувалося і що стало на заваді?",
    },
    "help_text": {},
    "settings": {"max_length": 200},
    "show_if": {"question": "qualification_recognition", "options": ["yes"]},
    "options": [],
}
_S_LANGUAGE_WORK = {
    "title": {
        "de": "Sprache, Bildung und Arbeit",
        "en": "Language, education and work",
        "ar": "اللغة والتعليم والعمل",
        "fa": "زبان، آموزش و کار",
        "uk": "Мова, освіта та робота",
    },
    "description": {
        "de": (
            "Integrationskurse, Kita- und Schulplätze sowie die Anerkennung von Abschlüssen "
            "entscheiden darüber, wie schnell Menschen ankommen."
        ),
        "en": (
            "Integration courses, places in day care and school, and the recognition of "
            "qualifications decide how quickly people can settle in."
        ),
        "ar": "دورات الاندماج وأماكن الحضانة والمدارس والاعتراف بالشهادات تحدد سرعة استقرار الناس.",
        "fa": (
            "دوره‌های ادغام، جا در مهدکودک و مدرسه و به رسمیت شناختن مدارک تعیین می‌کنند که افراد "
            "چقدر سریع جا می‌افتند."
        ),
        "uk": (
            "Інтеграційні курси, місця в дитсадках і школах та визнання кваліфікацій визначають, "
            "наскільки швидко люди можуть облаштуватися."
        ),
    },
    "questions": [
        _Q_COURSE_WAITING_TIME,
        _Q_EDUCATION_BARRIERS,
        _Q_QUALIFICATION_RECOGNITION,
        _Q_RECOGNITION_DETAILS,
    ],
}

# --- 4. Safety and health.
_Q_SAFETY_PERCEPTION = {
    "code": "safety_perception",
    "kind": "scale",
    "required": True,
    "field_of_action": "safety",
    "prompt": {
        "de": (
            "Wie sicher fühlen sich die Menschen, die Sie begleiten, im öffentlichen Raum des "
            "Landkreises (z. B. Bahnhof, Bus, Innenstadt)?"
        ),
        "en": (
            "How safe do the people you support feel in public spaces in the county (e.g. "
            "station, bus, town centre)?"
        ),
        "ar": (
            "ما مدى شعور الأشخاص الذين تساعدونهم بالأمان في الأماكن العامة في المقاطعة (مثل محطة "
            "القطار والحافلات ووسط المدينة)؟"
        ),
        "fa": (
            "افرادی که همراهی‌شان می‌کنید در فضاهای عمومی شهرستان (مثلاً ایستگاه قطار، اتوبوس، مرکز "
            "شهر) چقدر احساس امنیت می‌کنند؟"
        ),
        "uk": (
            "Наскільки безпечно почуваються люди, яких ви підтримуєте, у громадських місцях "
            "району (наприклад, на вокзалі, в автобусі, у центрі міста)?"
        ),
    },
    "help_text": {
        "de": "Berücksichtigen Sie auch Erfahrungen mit Anfeindungen und Diskriminierung.",
        "en": "Please also consider experiences of hostility and discrimination.",
        "ar": "يُرجى أن تأخذوا في الاعتبار أيضًا تجارب العداء والتمييز.",
        "fa": "لطفاً تجربه‌های برخورد خصمانه و تبعیض را هم در نظر بگیرید.",
        "uk": "Врахуйте, будь ласка, також досвід ворожості та дискримінації.",
    },
    "settings": {
        "min": 1,
        "max": 5,
        "min_label": {
            "de": "Sehr unsicher",
            "en": "Very unsafe",
            "ar": "غير آمن إطلاقًا",
            "fa": "خیلی ناامن",
            "uk": "Дуже небезпечно",
        },
        "max_label": {
            "de": "Sehr sicher",
            "en": "Very safe",
            "ar": "آمن جدًا",
            "fa": "خیلی امن",
            "uk": "Дуже безпечно",
        },
        "dont_know": True,
    },
    "show_if": None,
    "options": [],
}
_Q_HEALTH_ACCESS = {
    "code": "health_access",
    "kind": "scale",
    "required": True,
    "field_of_action": "health",
    "prompt": {
        "de": "Wie gut finden die Menschen, die Sie begleiten, Zugang zu ärztlicher Versorgung?",
        "en": "How well are the people you support able to access medical care?",
        "ar": "إلى أي مدى يتمكن الأشخاص الذين تساعدونهم من الوصول إلى الرعاية الطبية؟",
        "fa": "افرادی که همراهی‌شان می‌کنید تا چه اندازه به خدمات پزشکی دسترسی دارند؟",
        "uk": "Наскільки добре люди, яких ви підтримуєте, можуть отримати медичну допомогу?",
    },
    "help_text": {
        "de": "Denken Sie an Hausärzte, Fachärzte, Dolmetscher und psychotherapeutische Hilfe.",
        "en": "Think of GPs, specialists, interpreters and psychotherapeutic support.",
        "ar": "فكّروا في أطباء العائلة والأطباء المختصين والمترجمين والدعم النفسي العلاجي.",
        "fa": "به پزشک عمومی، پزشک متخصص، مترجم و کمک روان‌درمانی فکر کنید.",
        "uk": "Наприклад, сімейні лікарі, вузькі спеціалісти, перекладачі та психотерапія.",
    },
    "settings": {
        "min": 1,
        "max": 5,
        "min_label": {
            "de": "Sehr schlecht",
            "en": "Very poorly",
            "ar": "بصعوبة كبيرة",
            "fa": "خیلی بد",
            "uk": "Дуже погано",
        },
        "max_label": {
            "de": "Sehr gut",
            "en": "Very well",
            "ar": "بسهولة تامة",
            "fa": "خیلی خوب",
            "uk": "Дуже добре",
        },
        "dont_know": True,
    },
    "show_if": None,
    "options": [],
}
_Q_HEALTH_GAPS = {
    "code": "health_gaps",
    "kind": "multiple_choice",
    "required": False,
    "field_of_action": "health",
    "prompt": {
        "de": "Wo sehen Sie die größten Lücken in der gesundheitlichen Versorgung?",
        "en": "Where do you see the biggest gaps in health care?",
        "ar": "أين ترون أكبر الثغرات في الرعاية الصحية؟",
        "fa": "بزرگ‌ترین کمبودها در خدمات درمانی را کجا می‌بینید؟",
        "uk": "Де ви бачите найбільші прогалини в медичному забезпеченні?",
    },
    "help_text": _UP_TO_THREE,
    "settings": {"other": True, "min_selected": 1, "max_selected": 3},
    "show_if": None,
    "options": [
        {
            "code": "specialist_appointments",
            "label": {
                "de": "Facharzttermine",
                "en": "Appointments with specialists",
                "ar": "مواعيد الأطباء المختصين",
                "fa": "نوبت پزشک متخصص",
                "uk": "Записи до вузьких спеціалістів",
            },
        },
        {
            "code": "interpreters",
            "label": {
                "de": "Dolmetschen beim Arzt",
                "en": "Interpreting at the doctor's",
                "ar": "الترجمة عند الطبيب",
                "fa": "مترجم هنگام مراجعه به پزشک",
                "uk": "Перекладачі під час візитів до лікаря",
            },
        },
        {
            "code": "trauma_support",
            "label": {
                "de": "Traumatherapie und psychische Gesundheit",
                "en": "Trauma therapy and mental health",
                "ar": "علاج الصدمات النفسية والصحة النفسية",
                "fa": "درمان تروما و سلامت روان",
                "uk": "Терапія травм і психічне здоров’я",
            },
        },
        {
            "code": "health_insurance",
            "label": {
                "de": "Krankenversicherung und Behandlungsscheine",
                "en": "Health insurance and treatment vouchers",
                "ar": "التأمين الصحي وقسائم العلاج",
                "fa": "بیمه درمانی و برگه‌های درمان",
                "uk": "Медичне страхування та направлення на лікування",
            },
        },
        {
            "code": "children_pregnancy",
            "label": {
                "de": "Versorgung von Kindern und Schwangeren",
                "en": "Care for children and pregnant women",
                "ar": "رعاية الأطفال والحوامل",
                "fa": "مراقبت از کودکان و زنان باردار",
                "uk": "Допомога дітям і вагітним",
            },
        },
    ],
}
_S_SAFETY_HEALTH = {
    "title": {
        "de": "Sicherheit und Gesundheit",
        "en": "Safety and health",
        "ar": "الأمان والصحة",
        "fa": "امنیت و سلامت",
        "uk": "Безпека та здоров’я",
    },
    "description": {
        "de": (
            "Sicherheit im Alltag, Schutz vor Diskriminierung und der Zugang zu medizinischer "
            "Versorgung sind Grundlagen für ein gutes Zusammenleben."
        ),
        "en": (
            "Feeling safe in everyday life, protection from discrimination and access to medical "
            "care are the foundations of living well together."
        ),
        "ar": (
            "الشعور بالأمان في الحياة اليومية والحماية من التمييز والوصول إلى الرعاية الطبية هي "
            "أسس العيش المشترك الجيد."
        ),
        "fa": (
            "احساس امنیت در زندگی روزمره، محافظت در برابر تبعیض و دسترسی به خدمات پزشکی پایه‌های "
            "یک زندگی مشترک خوب هستند."
        ),
        "uk": (
            "Відчуття безпеки в повсякденні, захист від дискримінації та доступ до медичної "
            "допомоги є основою доброго співжиття."
        ),
    },
    "questions": [_Q_SAFETY_PERCEPTION, _Q_HEALTH_ACCESS, _Q_HEALTH_GAPS],
}

# --- 5. Social and cultural life, volunteering.
_Q_SOCIAL_CONTACTS = {
    "code": "social_contacts",
    "kind": "single_choice",
    "required": True,
    "field_of_action": "social_cultural",
    "prompt": {
        "de": (
            "Wie häufig haben die Menschen, die Sie begleiten, außerhalb von Terminen Kontakt zu "
            "Einheimischen, etwa im Sportverein, in der Nachbarschaft oder in einer "
            "Religionsgemeinde?"
        ),
        "en": (
            "How often do the people you support have contact with local residents outside of "
            "appointments, for example in a sports club, in the neighbourhood or in a religious "
            "community?"
        ),
        "ar": (
            "كم مرة يتواصل الأشخاص الذين تساعدونهم مع السكان المحليين خارج المواعيد الرسمية، مثلًا "
            "في نادٍ رياضي أو في الحي أو في جماعة دينية؟"
        ),
        "fa": (
            "افرادی که همراهی‌شان می‌کنید بیرون از قرارهای اداری هر چند وقت یک بار با ساکنان محلی "
            "در تماس هستند، مثلاً در باشگاه ورزشی، در محله یا در یک جمع مذهبی؟"
        ),
        "uk": (
            "Як часто люди, яких ви підтримуєте, спілкуються з місцевими мешканцями поза "
            "офіційними зустрічами, наприклад у спортивному клубі, по сусідству чи в релігійній "
            "громаді?"
        ),
    },
    "help_text": {},
    "settings": {},
    "show_if": None,
    "options": [
        {
            "code": "daily",
            "label": {
                "de": "Fast täglich",
                "en": "Almost daily",
                "ar": "يوميًا تقريبًا",
                "fa": "تقریباً هر روز",
                "uk": "Майже щодня",
            },
        },
        {
            "code": "weekly",
            "label": {
                "de": "Etwa einmal pro Woche",
                "en": "About once a week",
                "ar": "مرة في الأسبوع تقريبًا",
                "fa": "تقریباً هفته‌ای یک بار",
                "uk": "Приблизно раз на тиждень",
            },
        },
        {
            "code": "monthly",
            "label": {
                "de": "Etwa einmal pro Monat",
                "en": "About once a month",
                "ar": "مرة في الشهر تقريبًا",
                "fa": "تقریباً ماهی یک بار",
                "uk": "Приблизно раз на місяць",
            },
        },
        {
            "code": "rarely",
            "label": {
                "de": "Selten oder nie",
                "en": "Rarely or never",
                "ar": "نادرًا أو أبدًا",
                "fa": "به‌ندرت یا هرگز",
                "uk": "Рідко або ніколи",
            },
        },
    ],
}
_Q_VOLUNTEERING_SUPPORT = {
    "code": "volunteering_support",
    "kind": "long_text",
    "required": False,
    "field_of_action": "volunteering",
    "prompt": {
        "de": "Was brauchen Ehrenamtliche vom Landkreis, um ihre Arbeit dauerhaft zu leisten?",
        "en": "What do volunteers need from the county to keep up their work in the long run?",
        "ar": "ما الذي يحتاجه المتطوعون من المقاطعة ليتمكنوا من مواصلة عملهم على المدى الطويل؟",
        "fa": "داوطلبان از شهرستان به چه چیزی نیاز دارند تا کارشان را در درازمدت ادامه دهند؟",
        "uk": "Чого потребують волонтери від району, щоб мати змогу працювати довгостроково?",
    },
    "help_text": {
        "de": (
            "Zum Beispiel Ansprechpersonen im Hauptamt, Fortbildung, Supervision, Auslagenersatz "
            "oder bessere Vernetzung."
        ),
        "en": (
            "For example contact persons among professional staff, training, supervision, "
            "reimbursement of expenses or better networking."
        ),
        "ar": (
            "مثلًا أشخاص للتواصل من بين الموظفين المختصين، أو التدريب، أو الإشراف المهني، أو تعويض "
            "النفقات، أو تنسيق أفضل بين الجهات."
        ),
        "fa": (
            "مثلاً فرد رابط در میان کارکنان رسمی، دوره‌های آموزشی، سوپرویژن، بازپرداخت هزینه‌ها یا "
            "شبکه‌سازی بهتر."
        ),
        "uk": (
            "Наприклад, контактні особи серед штатних працівників, навчання, супервізія, "
            "відшкодування витрат чи краща взаємодія."
        ),
    },
    "settings": {"max_length": 5000},
    "show_if": None,
    "options": [],
}
_S_COMMUNITY = {
    "title": {
        "de": "Zusammenleben und Ehrenamt",
        "en": "Community life and volunteering",
        "ar": "الحياة المشتركة والعمل التطوعي",
        "fa": "زندگی اجتماعی و کار داوطلبانه",
        "uk": "Спільне життя та волонтерство",
    },
    "description": {
        "de": (
            "Begegnung in Vereinen und Nachbarschaft trägt Integration. Das Ehrenamt braucht "
            "dafür verlässliche Partner im Hauptamt."
        ),
        "en": (
            "Encounters in clubs and neighbourhoods are what carries integration. Volunteers need "
            "reliable partners among professional staff for this."
        ),
        "ar": (
            "اللقاءات في النوادي والأحياء هي ما يحمل الاندماج، ويحتاج المتطوعون لذلك إلى شركاء "
            "موثوقين من الموظفين المختصين."
        ),
        "fa": (
            "دیدار در باشگاه‌ها و محله‌ها پایه ادغام است. داوطلبان برای این کار به همکاران "
            "قابل‌اعتماد در میان کارکنان رسمی نیاز دارند."
        ),
        "uk": (
            "Інтеграція тримається на зустрічах у клубах і по сусідству. Волонтерам для цього "
            "потрібні надійні партнери серед штатних працівників."
        ),
    },
    "questions": [_Q_SOCIAL_CONTACTS, _Q_VOLUNTEERING_SUPPORT],
}

# --- 6. Priorities across the fields of action and open wishes.
_Q_PRIORITIES = {
    "code": "priorities",
    "kind": "ranking",
    "required": True,
    "field_of_action": "general",
    "prompt": {
        "de": "Bitte ordnen Sie die Handlungsfelder: Was ist am dringendsten?",
        "en": "Please put the following fields of action in order: what is most urgent?",
        "ar": "يُرجى ترتيب مجالات العمل التالية: ما الأكثر إلحاحًا؟",
        "fa": "لطفاً زمینه‌های زیر را به ترتیب اولویت مرتب کنید: کدام از همه فوری‌تر است؟",
        "uk": "Будь ласка, розташуйте ці напрями діяльності за порядком: що найнагальніше?",
    },
    "help_text": {
        "de": "Ganz oben steht, was Ihnen am wichtigsten ist.",
        "en": "Put the most important one at the top.",
        "ar": "ضعوا الأهم في الأعلى.",
        "fa": "مهم‌ترین مورد را در بالا قرار دهید.",
        "uk": "Найважливіше поставте на перше місце.",
    },
    "settings": {},
    "show_if": None,
    "options": [
        {
            "code": "housing",
            "label": {"de": "Wohnen", "en": "Housing", "ar": "السكن", "fa": "مسکن", "uk": "Житло"},
        },
        {
            "code": "language_education",
            "label": {
                "de": "Sprache und Bildung",
                "en": "Language and education",
                "ar": "اللغة والتعليم",
                "fa": "زبان و آموزش",
                "uk": "Мова та освіта",
            },
        },
        {
            "code": "labour_market",
            "label": {
                "de": "Arbeit und Ausbildung",
                "en": "Work and vocational training",
                "ar": "العمل والتدريب المهني",
                "fa": "کار و آموزش حرفه‌ای",
                "uk": "Робота та професійне навчання",
            },
        },
        {
            "code": "health",
            "label": {
                "de": "Gesundheit",
                "en": "Health",
                "ar": "الصحة",
                "fa": "سلامت",
                "uk": "Здоров’я",
            },
        },
        {
            "code": "social_cultural",
            "label": {
                "de": "Zusammenleben und Begegnung",
                "en": "Community life and encounters",
                "ar": "الحياة المشتركة واللقاءات",
                "fa": "زندگی مشترک و دیدار با یکدیگر",
                "uk": "Спільне життя та зустрічі",
            },
        },
    ],
}
_Q_COMMITTEE_WISHES = {
    "code": "committee_wishes",
    "kind": "long_text",
    "required": False,
    "field_of_action": "general",
    "prompt": {
        "de": "Was möchten Sie dem Ausschuss für den Integrationsgipfel mit auf den Weg geben?",
        "en": "What would you like the committee to take with it into the integration summit?",
        "ar": "ما الرسالة التي تودّون أن تحملها اللجنة معها إلى قمة الاندماج؟",
        "fa": "دوست دارید کمیته چه پیامی از شما را به همایش ادغام ببرد؟",
        "uk": "Що б ви хотіли передати комітету для інтеграційного саміту?",
    },
    "help_text": {
        "de": "Wünsche, Kritik, Lob – alles ist willkommen. Bitte keine Namen oder Kontaktdaten.",
        "en": "Wishes, criticism, praise – all welcome. Please no names or contact details.",
        "ar": "مطالب، انتقادات، إشادة – كل ذلك مرحّب به. يُرجى عدم ذكر أسماء أو بيانات اتصال.",
        "fa": "خواسته، انتقاد، قدردانی – همه چیز خوش‌آمد است. لطفاً نام یا اطلاعات تماس ننویسید.",
        "uk": "Побажання, критика, похвала – усе вітається. Будь ласка, без імен і контактів.",
    },
    "settings": {"max_length": 5000},
    "show_if": None,
    "options": [],
}
_Q_WELL_INFORMED = {
    "code": "well_informed",
    "kind": "matrix",
    "required": False,
    "field_of_action": "general",
    "prompt": {
        "de": "Wie gut fühlen sich die Menschen, die Sie begleiten, informiert über …",
        "en": "How well informed do the people you support feel about …",
        "ar": "ما مدى شعور الأشخاص الذين تساعدونهم بأنهم على اطلاع بشأن …",
        "fa": "افرادی که همراهی‌شان می‌کنید چقدر خود را آگاه می‌دانند درباره …",
        "uk": "Наскільки поінформованими почуваються люди, яких ви підтримуєте, щодо …",
    },
    "help_text": {},
    "settings": {
        "min": 1,
        "max": 5,
        "min_label": {
            "de": "Gar nicht",
            "en": "Not at all",
            "ar": "إطلاقًا",
            "fa": "اصلاً",
            "uk": "Зовсім ні",
        },
        "max_label": {
            "de": "Sehr gut",
            "en": "Very well",
            "ar": "جيد جدًا",
            "fa": "خیلی خوب",
            "uk": "Дуже добре",
        },
    },
    "show_if": None,
    "options": [
        {
            "code": "courses",
            "label": {
                "de": "Sprachkurse",
                "en": "Language courses",
                "ar": "دورات اللغة",
                "fa": "کلاس‌های زبان",
                "uk": "Мовні курси",
            },
        },
        {
            "code": "doctors",
            "label": {
                "de": "Ärztliche Versorgung",
                "en": "Medical care",
                "ar": "الرعاية الطبية",
                "fa": "خدمات پزشکی",
                "uk": "Медична допомога",
            },
        },
        {
            "code": "counselling",
            "label": {
                "de": "Beratungsstellen",
                "en": "Advice centres",
                "ar": "مراكز الاستشارة",
                "fa": "مراکز مشاوره",
                "uk": "Консультаційні центри",
            },
        },
    ],
}
_Q_QUOTE_CONSENT = {
    "code": "quote_consent",
    "kind": "consent",
    "required": False,
    "field_of_action": "general",
    "prompt": {
        "de": "Ich bin einverstanden, dass meine Antworten ohne Namen im Bericht zitiert werden.",
        "en": "I agree that my answers may be quoted in the report without my name.",
        "ar": "أوافق على اقتباس إجاباتي في التقرير دون ذكر اسمي.",
        "fa": "موافقم که پاسخ‌هایم بدون نام در گزارش نقل شوند.",
        "uk": "Я погоджуюся, щоб мої відповіді цитували у звіті без мого імені.",
    },
    "help_text": {},
    "settings": {},
    "show_if": None,
    "options": [],
}
_S_PRIORITIES = {
    "title": {
        "de": "Prioritäten und Wünsche an den Ausschuss",
        "en": "Priorities and wishes for the committee",
        "ar": "الأولويات والمطالب الموجّهة إلى اللجنة",
        "fa": "اولویت‌ها و خواسته‌ها از کمیته",
        "uk": "Пріоритети та побажання до комітету",
    },
    "description": {
        "de": "Zum Schluss: Was soll im Integrationskonzept zuerst angegangen werden?",
        "en": "Finally: what should the integration concept tackle first?",
        "ar": "وفي الختام: ما الذي ينبغي أن تعالجه خطة الاندماج أولًا؟",
        "fa": "و در پایان: طرح ادغام باید اول به چه چیزی بپردازد؟",
        "uk": "Наостанок: що концепція інтеграції має вирішувати насамперед?",
    },
    "questions": [_Q_PRIORITIES, _Q_WELL_INFORMED, _Q_COMMITTEE_WISHES, _Q_QUOTE_CONSENT],
}

SECTIONS: list[dict[str, Any]] = [
    _S_RESPONDENT,
    _S_HOUSING,
    _S_LANGUAGE_WORK,
    _S_SAFETY_HEALTH,
    _S_COMMUNITY,
    _S_PRIORITIES,
]

# Pool of free-text answers the loader draws from, per question code and language.
# "<code>.other" holds texts for the "other, please specify" option of a choice question.
# Moderation demo: exactly one German answer holds a fake email address and exactly one
# English answer a fake phone number (both in the volunteering / committee questions).
FREE_TEXT = {
    "areas_of_work.other": {
        "de": [
            "Rechtsberatung im Asylverfahren",
            "Fahrdienste zu Terminen",
            "Fahrradwerkstatt",
            "Kleiderkammer",
        ],
        "en": [
            "Legal advice on asylum procedures",
            "Driving people to appointments",
            "Bike repair workshop",
            "Clothing bank",
        ],
        "ar": [
            "استشارات قانونية في إجراءات اللجوء",
            "توصيل الناس إلى المواعيد",
            "ورشة تصليح الدراجات",
            "توزيع الملابس",
        ],
        "fa": [
            "مشاوره حقوقی در پرونده پناهندگی",
            "رساندن افراد به قرارهای اداری",
            "کارگاه تعمیر دوچرخه",
            "انبار لباس",
        ],
        "uk": [
            "Юридичні консультації",
            "Підвезення на прийоми",
            "Велосипедна майстерня",
            "Пункт видачі одягу",
        ],
    },
    "housing_situation.other": {
        "de": [
            "In einer Notunterkunft in einer Turnhalle",
            "In Pensionen und Hotelzimmern",
            "Obdachlos oder bei wechselnden Bekannten",
            "In Wohncontainern auf dem Gelände der Unterkunft",
        ],
        "en": [
            "Emergency shelter in a sports hall",
            "Guesthouses and hotel rooms",
            "Homeless or sofa surfing with acquaintances",
            "Residential containers on the accommodation site",
        ],
        "ar": [
            "في مأوى طوارئ داخل صالة رياضية",
            "في نُزُل وغرف فنادق",
            "بلا مأوى أو يتنقلون بين المعارف",
            "في حاويات سكنية بجانب مركز الإيواء",
        ],
        "fa": [
            "در اسکان اضطراری در سالن ورزشی",
            "در پانسیون و اتاق هتل",
            "بی‌خانمان یا هر چند وقت پیش یک آشنا",
            "در کانتینرهای مسکونی کنار کمپ",
        ],
        "uk": [
            "В аварійному притулку в спортзалі",
            "У пансіонатах і готелях",
            "Без житла або в різних знайомих",
            "У житлових контейнерах біля гуртожитку",
        ],
    },
    "education_barriers": {
        "de": [
            (
                "Die Wartelisten für Integrationskurse sind endlos. Manche warten über ein Jahr "
                "und verlieren in der Zeit jede Motivation."
            ),
            (
                "Es gibt im ganzen Landkreis zu wenige Kitaplätze. Ohne Kitaplatz können vor "
                "allem Mütter keinen Sprachkurs besuchen."
            ),
            "Kurse mit Kinderbetreuung fehlen komplett.",
            (
                "Die Busverbindungen aus den Dörfern zur Sprachschule sind schlecht. Wer in der "
                "Gemeinschaftsunterkunft am Ortsrand wohnt, braucht über eine Stunde pro Strecke."
            ),
            (
                "In den Schulen fehlen Sprachlernklassen und Lehrkräfte für Deutsch als "
                "Zweitsprache. Die Kinder sitzen im Regelunterricht und verstehen nichts."
            ),
            "Ohne WLAN in der Unterkunft sind Onlinekurse und Hausaufgaben kaum möglich.",
            (
                "Nach dem B1-Kurs geht es oft nicht weiter, weil Berufssprachkurse fehlen oder zu "
                "weit weg sind. Die Wartezeit ist wieder monatelang."
            ),
            "Eltern verstehen die Schulbriefe nicht. Für Elterngespräche bräuchte es Dolmetscher.",
        ],
        "en": [
            (
                "Waiting lists for integration courses are the main problem. People wait months "
                "for a place, and then the course is full again."
            ),
            "Too few nursery places, so mothers of small children can't go to a language course.",
            "Courses with childcare would make a huge difference.",
            (
                "Public transport from the villages is poor; getting to the language school takes "
                "over an hour each way."
            ),
            (
                "Schools lack welcome classes and teachers of German as a second language. "
                "Children sit in regular lessons without understanding a word."
            ),
            "No Wi-Fi in the shared accommodation means no online courses and no homework.",
            "After B1 there's nothing. Job-related language courses are scarce, with long waits.",
            "Parents can't read letters from school. We need interpreters at parents' evenings.",
        ],
        "ar": [
            "قوائم انتظار دورات الاندماج طويلة جدًا، وبعض الناس ينتظرون أكثر من سنة فيفقدون الحماس.",
            "لا توجد أماكن كافية في الحضانات، لذلك لا تستطيع الأمهات حضور دورة اللغة.",
            "نحتاج إلى دورات لغة مع رعاية للأطفال.",
            "المواصلات من القرى إلى مدرسة اللغة سيئة، والطريق يستغرق أكثر من ساعة في كل اتجاه.",
            "الأطفال في المدرسة لا يفهمون الدروس لأنه لا توجد صفوف خاصة لتعلّم اللغة الألمانية.",
            "لا يوجد إنترنت في السكن الجماعي، فلا يمكن متابعة الدروس عبر الإنترنت ولا حلّ الواجبات.",
            "بعد مستوى B1 لا توجد دورات لغة مهنية قريبة، وفترة الانتظار طويلة مرة أخرى.",
            "الأهالي لا يفهمون رسائل المدرسة، ونحتاج إلى مترجمين في اجتماعات أولياء الأمور.",
        ],
        "fa": [
            "لیست انتظار دوره‌های ادغام خیلی طولانی است و بعضی‌ها بیشتر از یک سال منتظر می‌مانند.",
            "جای خالی در مهدکودک کم است، برای همین مادرها نمی‌توانند به کلاس زبان بروند.",
            "کلاس زبان همراه با نگهداری از بچه‌ها وجود ندارد.",
            "اتوبوس از روستاها به مدرسه زبان کم است و رفت‌وآمد بیشتر از یک ساعت طول می‌کشد.",
            "بچه‌ها در مدرسه درس را نمی‌فهمند، چون کلاس‌های مخصوص یادگیری زبان آلمانی کم است.",
            "در کمپ اینترنت نیست و بچه‌ها نمی‌توانند تکالیفشان را انجام دهند یا آنلاین درس بخوانند.",
            "بعد از سطح B1 کلاس زبان شغلی در نزدیکی نیست و باید باز هم ماه‌ها صبر کرد.",
            (
                "خیلی از زن‌ها در کشور خودشان اجازه درس خواندن نداشتند و اول به کلاس سوادآموزی "
                "نیاز دارند، اما این کلاس‌ها پر است."
            ),
        ],
        "uk": [
            "Черги на інтеграційні курси величезні, дехто чекає понад рік і втрачає мотивацію.",
            "Бракує місць у дитячих садках, тому мами не можуть відвідувати мовні курси.",
            "Потрібні курси з доглядом за дітьми.",
            (
                "З сіл до мовної школи важко дістатися: автобус ходить рідко, дорога займає "
                "більше години в один бік."
            ),
            (
                "У школах не вистачає класів для вивчення німецької, діти сидять на звичайних "
                "уроках і нічого не розуміють."
            ),
            "У гуртожитку поганий інтернет, тому онлайн-курси та домашні завдання майже неможливі.",
            "Багато дітей паралельно вчаться в українській школі онлайн, це дуже їх перевантажує.",
            "Після B1 поблизу немає професійних мовних курсів, а черги знову на кілька місяців.",
        ],
    },
    "recognition_details": {
        "de": [
            (
                "Pflegefachkraft aus Syrien, die Anerkennung dauert schon über ein Jahr. Alle "
                "Unterlagen mussten beglaubigt übersetzt werden."
            ),
            "Lehrerin aus der Ukraine: Ihr fehlt das zweite Fach, also keine volle Anerkennung.",
            (
                "Elektriker mit viel Berufserfahrung, aber ohne Zeugnisse. Auf die "
                "Qualifikationsanalyse der Kammer wartet er seit Monaten."
            ),
            "Zahnarzt: Kenntnisprüfung und Fachsprachprüfung C1 – im Umkreis gibt es keine Kurse.",
            "Busfahrer – Führerschein nicht umgeschrieben, die Fahrschule ist zu teuer.",
            (
                "Erzieherin, anerkannt nur als Kinderpflegerin. Das Jobcenter hat sie in einen "
                "Helferjob vermittelt."
            ),
            "Ingenieur aus Afghanistan, die Zeugnisse sind auf der Flucht verloren gegangen.",
            "Ärztin, wartet seit 14 Monaten auf einen Termin für die Kenntnisprüfung.",
        ],
        "en": [
            (
                "A nurse from Syria – recognition has taken more than a year and every document "
                "needed a certified translation."
            ),
            "Teacher from Ukraine: only one subject recognised, so she can't teach here.",
            (
                "Several electricians and mechanics with years of experience but no papers. The "
                "wait for the skills analysis is far too long."
            ),
            "Doctor: needs the C1 medical language exam, and there is no course anywhere nearby.",
            "Lorry driver – licence not converted; the job centre won't pay for driving school.",
            "Pharmacist waiting over a year for the recognition office; she works in a warehouse.",
            (
                "Engineer whose certificates were lost when fleeing; the university can't be "
                "reached for confirmation."
            ),
            "Accountant – the job centre pushed him into a mini-job before recognition even began.",
        ],
        "ar": [
            (
                "ممرضة من سوريا، إجراءات الاعتراف بشهادتها مستمرة منذ أكثر من سنة، وكل الأوراق "
                "احتاجت إلى ترجمة محلّفة."
            ),
            "معلم لغة عربية، لا يُعترف بشهادته لأنه درس مادة واحدة فقط.",
            "طبيب أسنان ينتظر موعد امتحان المعرفة (Kenntnisprüfung) منذ أشهر طويلة.",
            "مهندس مدني فقد شهاداته أثناء اللجوء، ولا يمكن الحصول على نسخة من الجامعة.",
            "كهربائي بخبرة عشرين سنة لكن بدون شهادة رسمية، فيعمل عاملًا مساعدًا فقط.",
            "صيدلانية تحتاج إلى شهادة لغة C1 للمهن الطبية، ولا توجد دورة قريبة.",
            "سائق حافلة، لم تُعادَل رخصة القيادة، ومدرسة القيادة مكلفة جدًا.",
            "محاسب، طلب منه مركز العمل قبول أي عمل قبل انتهاء إجراءات الاعتراف.",
        ],
        "fa": [
            "پرستار؛ به رسمیت شناختن مدرکش بیش از یک سال طول کشیده و مدارک باید ترجمه رسمی می‌شد.",
            "معلم؛ فقط یکی از رشته‌هایش قبول شد و نمی‌تواند اینجا معلم شود.",
            "مهندس برق که مدارکش در راه فرار گم شد و دانشگاه جواب نمی‌دهد.",
            "دندان‌پزشک؛ ماه‌هاست منتظر نوبت امتحان Kenntnisprüfung است.",
            "خیاط با تجربه زیاد ولی بدون مدرک رسمی؛ فقط کار کمکی پیدا می‌کند.",
            "راننده؛ گواهی‌نامه‌اش تبدیل نشد و هزینه آموزشگاه رانندگی خیلی زیاد است.",
            "ماما؛ برای مدرک زبان C1 هیچ کلاسی در نزدیکی پیدا نمی‌شود.",
            "حسابدار؛ جاب‌سنتر گفت اول هر کاری را قبول کند، قبل از اینکه پرونده مدرکش تمام شود.",
        ],
        "uk": [
            (
                "Медсестра: визнання диплома триває вже понад рік, усі документи довелося "
                "перекладати в присяжного перекладача."
            ),
            "Вчителька початкових класів – визнали лише частково, бо тут потрібні два предмети.",
            "Лікарка чекає на іспит Kenntnisprüfung уже 14 місяців.",
            "Інженер-будівельник: диплом визнали, але без рівня B2 роботодавці не беруть.",
            "Водій автобуса – права не обміняли, а навчання в автошколі дуже дороге.",
            "Бухгалтерка: джобцентр наполягав на будь-якій роботі, поки триває визнання.",
            "Фармацевтка, потрібен сертифікат C1 з медичної мови, а курсів поблизу немає.",
            "Зварювальник з досвідом, але без документів: аналізу кваліфікації чекає місяцями.",
        ],
    },
    "health_gaps.other": {
        "de": [
            "Zahnärztliche Behandlung",
            "Versorgung von Menschen mit Behinderung",
            "Hebammen",
            "Lange Wege zur nächsten Praxis",
        ],
        "en": [
            "Dental treatment",
            "Care for people with disabilities",
            "Midwives",
            "Long journeys to the nearest practice",
        ],
        "ar": [
            "علاج الأسنان",
            "رعاية الأشخاص ذوي الإعاقة",
            "القابلات",
            "بُعد العيادات عن أماكن السكن",
        ],
        "fa": [
            "درمان دندان",
            "مراقبت از افراد دارای معلولیت",
            "ماما و مراقبت‌های دوران بارداری",
            "فاصله زیاد تا نزدیک‌ترین مطب",
        ],
        "uk": [
            "Стоматологічна допомога",
            "Допомога людям з інвалідністю",
            "Акушерки",
            "Далеко до найближчої практики",
        ],
    },
    "volunteering_support": {
        "de": [
            (
                "Eine feste Ansprechperson im Landratsamt, die auch erreichbar ist. Wir werden zu "
                "oft von Stelle zu Stelle geschickt."
            ),
            "Supervision! Viele von uns sind nach Jahren am Limit und kurz vor dem Burnout.",
            (
                "Bessere Abstimmung zwischen Ehrenamt und Hauptamt. Oft erfahren wir erst von den "
                "Geflüchteten selbst, was die Sozialarbeit entschieden hat."
            ),
            (
                "Fortbildungen zu Asylrecht, Jobcenter und Anerkennung von Abschlüssen, am besten "
                "abends oder online."
            ),
            "Fahrtkosten und Auslagen sollten unkompliziert erstattet werden.",
            (
                "Unser Helferkreis ist von 40 auf 8 Aktive geschrumpft. Ohne Nachwuchs und echte "
                "Wertschätzung hören bald alle auf."
            ),
            (
                "Ein regelmäßiges Vernetzungstreffen aller Helferkreise im Landkreis, moderiert "
                "vom Fachdienst Integration."
            ),
            "Ehrlich gesagt: weniger Bürokratie. Für jede Kleinigkeit braucht man eine Vollmacht.",
        ],
        "en": [
            (
                "A named contact person at the county office who actually answers. Volunteers are "
                "sent from one office to the next far too often."
            ),
            "Supervision and someone to talk to – burnout among long-term volunteers is real.",
            (
                "Better coordination between volunteers and professional social workers. We often "
                "hear about decisions only from the refugees themselves."
            ),
            (
                "Training on asylum law, the job centre and the recognition of qualifications, "
                "ideally in the evening or online."
            ),
            "Simple reimbursement of travel costs and other expenses.",
            "A pool of interpreters that volunteers can book too.",
            (
                "Our group needs new people; a county campaign to recruit volunteers would help. "
                "Anyone interested can call me on +49 30 1234567."
            ),
            "Less paperwork, honestly. Every small thing needs a signed authorisation.",
        ],
        "ar": [
            "شخص تواصل ثابت في إدارة المقاطعة يمكن الوصول إليه فعلًا، بدل أن نُحال من مكتب إلى آخر.",
            "الكثير من المتطوعين منهكون، ونحتاج إلى إشراف مهني ودعم نفسي.",
            "تنسيق أفضل بين المتطوعين والعاملين الاجتماعيين، فنحن غالبًا لا نعرف ما الذي تقرّر.",
            "دورات تدريبية عن قانون اللجوء ومركز العمل والاعتراف بالشهادات.",
            "تعويض تكاليف المواصلات والمصاريف بطريقة بسيطة.",
            "مجموعة من المترجمين يمكن للمتطوعين أيضًا طلبهم.",
            "تقدير حقيقي للعمل التطوعي، وليس فقط كلمات شكر في المناسبات.",
            "أنا مترجم متطوع، ويطلبون مساعدتي كل يوم تقريبًا. نحتاج إلى مترجمين بأجر حتى لا نحترق.",
        ],
        "fa": [
            (
                "یک فرد رابط ثابت در اداره شهرستان که واقعاً جواب بدهد، نه اینکه ما را از این "
                "اداره به آن اداره بفرستند."
            ),
            "خیلی از داوطلبان خسته شده‌اند؛ به سوپرویژن و حمایت روحی نیاز داریم.",
            "هماهنگی بهتر بین داوطلبان و مددکاران اجتماعی؛ اغلب خبر نداریم چه تصمیمی گرفته شده.",
            "دوره‌های آموزشی درباره قانون پناهندگی، جاب‌سنتر و به رسمیت شناختن مدارک.",
            "بازپرداخت ساده هزینه رفت‌وآمد و خرج‌های دیگر.",
            (
                "من مترجم داوطلب هستم و تقریباً هر روز از من کمک می‌خواهند. مترجم‌های حقوق‌بگیر لازم "
                "است تا ما از پا نیفتیم."
            ),
            "قدردانی واقعی از کار داوطلبانه، نه فقط یک نامه تشکر در سال.",
            "کاغذبازی کمتر؛ برای هر کار کوچک وکالت‌نامه لازم است.",
        ],
        "uk": [
            "Постійна контактна особа в районній адміністрації, до якої можна додзвонитися.",
            "Багато волонтерів виснажені, потрібні супервізія та психологічна підтримка.",
            "Краща координація з соціальними працівниками, бо ми часто не знаємо, що вирішили.",
            "Навчання з питань тимчасового захисту, джобцентру та визнання дипломів.",
            "Просте відшкодування витрат на проїзд.",
            "Пул перекладачів, яких можуть замовляти й волонтери.",
            (
                "Я сама біженка і волонтерка, працюю майже щодня. Потрібна оплачувана посада "
                "координатора, а не лише ентузіазм."
            ),
            "Менше бюрократії – на кожну дрібницю потрібна довіреність.",
        ],
    },
    "committee_wishes": {
        "de": [
            (
                "Bitte nehmen Sie die Wohnungsnot endlich ernst. Die Menschen sitzen jahrelang in "
                "der Gemeinschaftsunterkunft, obwohl sie längst ausziehen dürften."
            ),
            "Mehr Integrationskurse und kürzere Wartezeiten – das ist das Wichtigste.",
            (
                "Hören Sie den Geflüchteten selbst zu, nicht nur den Verbänden. Laden Sie "
                "Migrantenorganisationen in den Ausschuss ein."
            ),
            (
                "Schnellere Anerkennung von Abschlüssen! Wir suchen händeringend Pflegekräfte und "
                "lassen ausgebildete Leute Regale einräumen."
            ),
            "Danke fürs Fragen! Bitte veröffentlichen Sie die Ergebnisse in einfacher Sprache.",
            "Ein Dolmetscherpool für Arztbesuche und Behörden würde vielen helfen.",
            "Gegen Diskriminierung auf dem Wohnungsmarkt muss der Kreis klar Stellung beziehen.",
            (
                "Ich stelle gern unser Patenschaftsprojekt im Ausschuss vor, erreichbar bin ich "
                "unter max.muster@example.org."
            ),
        ],
        "en": [
            (
                "Please treat the housing shortage as the top priority; people stay in shared "
                "accommodation for years."
            ),
            "Shorter waiting times for integration courses, and more courses with childcare.",
            (
                "Invite refugees and migrant organisations to speak at the committee, rather than "
                "only talking about them."
            ),
            "Volunteers are exhausted. Fund paid coordinators so the volunteer network survives.",
            "Speed up recognition of qualifications; the region badly needs skilled workers.",
            "An interpreter service for doctors and authorities would solve so many problems.",
            "Thanks for this survey. Please share the results and tell us what actually changes.",
            "Take a clear stand against racism and discrimination in the county.",
        ],
        "ar": [
            "نرجو أن تكون أزمة السكن أولوية، فالعائلات تعيش سنوات في السكن الجماعي.",
            "تقصير فترة الانتظار لدورات الاندماج وتوفير دورات مع رعاية الأطفال.",
            "استمعوا إلى اللاجئين أنفسهم، وادعوا منظمات المهاجرين إلى جلسات اللجنة.",
            "تسريع الاعتراف بالشهادات، فهناك أطباء ومهندسون يعملون في المستودعات.",
            "نحتاج إلى خدمة ترجمة عند الأطباء وفي الدوائر الرسمية.",
            "شكرًا على هذا الاستبيان. نتمنى أن نرى نتائج حقيقية وليس وعودًا فقط.",
            "الرجاء الوقوف بوضوح ضد العنصرية والتمييز، خاصة ضد النساء المحجبات.",
            "ادعموا المتطوعين، فهم متعبون جدًا ولا يستطيعون تحمّل كل شيء وحدهم.",
        ],
        "fa": [
            "لطفاً مشکل مسکن را در اولویت بگذارید؛ خانواده‌ها سال‌ها در کمپ زندگی می‌کنند.",
            "صف انتظار دوره‌های ادغام را کوتاه کنید و کلاس‌هایی همراه با نگهداری کودک بگذارید.",
            "به حرف خود پناهجویان گوش کنید و سازمان‌های مهاجران را به جلسه کمیته دعوت کنید.",
            "به رسمیت شناختن مدارک باید سریع‌تر شود؛ تحصیل‌کرده‌ها مجبورند کارهای ساده انجام دهند.",
            "مترجم برای مطب دکتر و اداره‌ها خیلی لازم است، مخصوصاً برای دری و پشتو.",
            "از داوطلبان حمایت کنید؛ آن‌ها خیلی خسته شده‌اند.",
            "ممنون که نظر ما را می‌پرسید. امیدوارم نتیجه‌ها را هم به ما بگویید.",
            "جلوی تبعیض در پیدا کردن خانه و کار را بگیرید.",
        ],
        "uk": [
            "Житло – найбільша проблема. Родини роками живуть у гуртожитках.",
            "Скоротіть черги на інтеграційні курси та додайте курси з доглядом за дітьми.",
            "Слухайте самих біженців і запрошуйте організації мігрантів на засідання комітету.",
            "Пришвидшіть визнання дипломів – лікарі та вчителі працюють на складах.",
            "Потрібні перекладачі до лікаря, а також психотерапевти, які розуміють травму війни.",
            "Дякую за опитування. Сподіваюся, що результати справді вплинуть на рішення.",
            "Підтримайте волонтерів – вони дуже втомилися.",
            "Більше місць у дитсадках і школах, бо без цього мами не можуть працювати.",
        ],
    },
}
