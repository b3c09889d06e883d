"""Language identification (py3langid) and Unicode word counts, on short news-like sentences."""

from __future__ import annotations

import pytest

from summarizer.clean.article import clean
from summarizer.clean.language import count_words, identify_language

# Two sentences each, written for this table in the register of a news report.
LANGUAGES = [
    ("en", "The city council approved the new budget on Tuesday after a long debate. Officials said "
           "the money would go to schools and road repairs."),
    ("de", "Die Regierung hat am Dienstag ein neues Gesetz zum Klimaschutz beschlossen. Kritiker sagen, "
           "die Maßnahmen reichen bei weitem nicht aus."),
    ("fr", "Le gouvernement a présenté mardi un projet de loi sur le logement. Les syndicats ont "
           "annoncé une grève pour la semaine prochaine."),
    ("es", "El presidente anunció el lunes un plan para reducir el precio de la energía. La oposición "
           "criticó la medida en el Congreso."),
    ("it", "Il governo ha approvato ieri la nuova legge di bilancio. I sindacati hanno chiesto un "
           "incontro urgente con il ministro del lavoro."),
    ("pt", "O governo anunciou nesta quarta-feira um novo programa de habitação. Os prefeitos "
           "afirmaram que os recursos ainda não chegaram aos municípios."),
    ("nl", "Het kabinet heeft dinsdag nieuwe maatregelen aangekondigd tegen de woningnood. Volgens "
           "de oppositie komen ze veel te laat."),
    ("pl", "Rząd przyjął we wtorek projekt ustawy o ochronie środowiska. Opozycja zapowiedziała, "
           "że będzie głosować przeciwko zmianom w Sejmie."),
    ("sw", "Serikali imetangaza leo kwamba mpango mpya wa elimu utaanza mwezi ujao. Walimu wengi "
           "wamesema wanahitaji mafunzo zaidi kabla ya kuanza."),
    ("tr", "Hükümet salı günü yeni ekonomik paketi açıkladı. Muhalefet partileri, önlemlerin "
           "enflasyonu düşürmeye yetmeyeceğini söyledi."),
    ("sv", "Regeringen presenterade på tisdagen ett nytt förslag om skatter. Oppositionen säger att "
           "det drabbar familjer med låga inkomster."),
    ("id", "Pemerintah mengumumkan kebijakan baru tentang harga bahan bakar pada hari Senin. Para "
           "pengemudi ojek mengatakan mereka akan melakukan protes."),
    ("zh", "国家统计局周二公布的数据显示，上个月工业生产增长放缓。分析人士认为，出口需求下降是主要原因。"),
    ("ja", "政府は火曜日、新しい経済対策を発表した。専門家は、物価の上昇を抑えるには不十分だと指摘している。"),
    ("ko", "정부는 화요일 새로운 부동산 대책을 발표했다. 전문가들은 집값 안정에 도움이 될 것이라고 말했다."),
    ("ar", "أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لدعم الزراعة. وقال وزير المالية إن التمويل سيبدأ الشهر المقبل."),
    ("ru", "Правительство во вторник объявило о новой программе поддержки малого бизнеса. Эксперты "
           "считают, что этих мер недостаточно."),
    ("uk", "Уряд у вівторок ухвалив нову програму відновлення енергетики. Експерти кажуть, що роботи "
           "триватимуть кілька років."),
    ("el", "Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα για την ακρίβεια. Η αντιπολίτευση δήλωσε ότι "
           "τα μέτρα είναι ανεπαρκή."),
    ("hi", "सरकार ने मंगलवार को किसानों के लिए एक नई योजना की घोषणा की। विपक्ष ने कहा कि यह योजना बहुत देर से आई है।"),
]


@pytest.mark.parametrize(("code", "text"), LANGUAGES, ids=[code for code, _ in LANGUAGES])
def test_language_table(code: str, text: str) -> None:
    language = identify_language(text)
    assert language is not None and language.code == code
    assert 0.5 <= language.confidence <= 1.0


def test_too_short_or_wordless_text_has_no_language() -> None:
    assert identify_language("OK") is None
    assert identify_language("12 345 678 · 9.10 — 11/12 " * 5) is None


@pytest.mark.parametrize(("code", "text"), [LANGUAGES[8], LANGUAGES[12], LANGUAGES[15]])
def test_non_english_article_is_flagged_with_a_confidence(code: str, text: str) -> None:
    article = clean(text, kind="text")
    assert article.language == code and article.language_confidence is not None
    assert any(w.startswith(f"non-English input detected (language: {code}, confidence") for w in article.warnings)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The UN said prices rose 3.5% in May, don't you know.", 11),
        ("国家统计局周二公布数据。", 11),  # one word per ideograph, punctuation not counted
        ("政府は火曜日、新しい対策を発表した。", 16),
        ("Kyiv — Уряд ухвалив програму.", 4),
    ],
)
def test_words_are_counted_in_any_script(text: str, words: int) -> None:
    assert count_words(text) == words


def test_chinese_article_is_not_three_words() -> None:
    article = clean(LANGUAGES[12][1] * 3, kind="text")
    assert not any("very short article (3 words)" in w for w in article.warnings)
