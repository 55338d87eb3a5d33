"""Generated from DUO's OpenAPI documents (one module per document) by
inburgering_shared.duo.modellen_genereren: do not edit, run `make duo-modellen`."""
