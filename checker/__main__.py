from __future__ import annotations

from checker.cli.main import main

raise SystemExit(main())
