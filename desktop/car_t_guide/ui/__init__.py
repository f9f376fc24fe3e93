"""The Qt side of the app (PySide6 and pyqtgraph live only here)."""

from car_t_guide.ui.qt_fixes import keep_singletons_alive

keep_singletons_alive()  # before any signal is emitted: see qt_fixes.py
