"""A consultation whose texts are Tigrinya (Ethiopic), Sorani and Pashto (Arabic script),
for the tests that check every letter is drawn with a font that has it."""

from __future__ import annotations

from surveys.models import Consultation
from tests.conftest import build_consultation

# Real sentences: every letter a respondent in these languages would see.
TEXTS = {
    "ti": {
        "title": "ሕቶታት ብዛዕባ ምትእስሳር ኣብ ከባቢና",
        "introduction": "መልስታትኩም ንኮሚቴ ክሕግዙ እዮም። ሓሳባትኩም ኣገዳሲ እዩ።",
        "group": "ወለንተኛታት",
        "section": "ገዛን ስራሕን",
        "choice": "ኣብ ከባቢኹም ገዛ ምርካብ ክንደይ ከቢድ እዩ፧",
        "a": "ቀሊል",
        "b": "ከቢድ",
        "text": "ካልእ ክትነግሩና እትደልዩ ኣሎ ድዩ፧ ፍቓድኩም ጽሓፉ።",
    },
    "ckb": {
        "title": "ڕاپرسی دەربارەی تێکەڵبوون لە ناوچەکەمان",
        "introduction": "وەڵامەکانتان یارمەتی لیژنەکە دەدەن. بیروڕاکانتان گرنگن.",
        "group": "خۆبەخشەکان",
        "section": "نیشتەجێبوون و کار",
        "choice": "دۆزینەوەی خانوو لە ناوچەکەتان چەندە قورسە؟",
        "a": "ئاسان",
        "b": "قورس",
        "text": "شتێکی تر هەیە کە بتانەوێت پێمان بڵێن؟ ڤیزا، پاسپۆرت، ژن و منداڵ.",
    },
    "ps": {
        "title": "زموږ په سیمه کې د ټولنیز یوځای کېدو په اړه نظرپوښتنه",
        "introduction": "ستاسو ځوابونه کمېټې سره مرسته کوي. ستاسو نظر ډېر مهم دی.",
        "group": "رضاکاران",
        "section": "لومړۍ برخه: کور او کار",
        "choice": "ستاسو په سیمه کې د کور موندل څومره ګران دي؟",
        "a": "اسانه",
        "b": "ګران",
        "text": "نور څه شته چې موږ ته یې ووایئ؟ ښځې، نجونې او ماشومان.",
    },
}


def script_consultation() -> Consultation:
    consultation = build_consultation("fonts-every-script", languages=("de", *TEXTS))
    for lang, text in TEXTS.items():
        consultation.title[lang] = text["title"]
        consultation.introduction[lang] = text["introduction"]
        consultation.groups[0].label[lang] = text["group"]
        section = consultation.sections[0]
        section.title[lang] = text["section"]
        choice, free_text = section.questions
        choice.prompt[lang] = text["choice"]
        free_text.prompt[lang] = text["text"]
        for option in choice.options:
            option.label[lang] = text[option.code]
    return consultation
