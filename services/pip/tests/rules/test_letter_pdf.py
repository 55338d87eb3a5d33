"""The PDF letter prints text as the klantmanager wrote it, also outside Latin-1."""

import io
from datetime import date

import pypdf
from pip_service.beschikking.letter import Brief, pdf

MOTIVERING = "Mevrouw werkt bij ‘De Buurtkamer’ – 8 uur per week; reiskosten € 12; Şırnak, Łódź, Dvořák."  # noqa: RUF001 (the point of the test)


def test_pdf_keeps_quotes_dashes_euro_and_latin_extended_letters():
    brief = Brief(
        inhoud={
            "dagtekening": "2026-11-02",
            "leerroute": "B1-route",
            "niveau": "B1",
            "motivering": MOTIVERING,
        },
        versie=1,
        reden=None,
        gemeentecode="GM0363",
        dagtekening_eerste_pip=date(2026, 11, 2),
    )
    reader = pypdf.PdfReader(io.BytesIO(pdf(brief)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert MOTIVERING in text
