"""The Qt side of the app (PySide6 and pyqtgraph live only here)."""

from car_t_guide.ui.qt_fixes import keep_none_alive, keep_true_alive

keep_true_alive()  # before any signal is emitted: see qt_fixes.py
keep_none_alive()  # before any widget is made: see qt_fixes.py
