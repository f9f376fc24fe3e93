"""Read-aloud: the speech engine behind a small interface (``engine.py``, with its thread's side
in ``worker.py``), what a page says (``reading.py``), reading it with a highlight
(``reader.py``), the window's buttons and when speech stops (``read_aloud.py``), "read what I
touch" (``touch.py``), and the ``voices`` and ``transcript`` commands.

QtTextToSpeech is imported only when read-aloud starts up, after the first screen is shown.
"""
