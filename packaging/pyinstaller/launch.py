"""Entry point of the frozen build: the same command line as the installed `car-t-guide`."""

import sys

from car_t_guide.cli import main

sys.exit(main())
