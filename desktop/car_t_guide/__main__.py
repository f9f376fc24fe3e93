import sys

from car_t_guide.cli import main

sys.exit(main())
