from wenku.cli import main

raise SystemExit(main())
