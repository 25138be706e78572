// OCR wrapper: see issue 3.
