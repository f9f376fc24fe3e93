"""Read-aloud: the speech engine behind a small interface (``engine.py``), what a page says
(``reading.py``), reading it with a highlight (``reader.py``), the top-bar controls
(``controls.py``) and "read what I touch" (``touch.py``).

QtTextToSpeech is imported only when read-aloud starts up, after the first screen is shown.
"""
