"""The command line, the only code that prints and returns exit codes: `main` dispatches `slip
<command>`, `parser` holds the argument parser that raises instead of exiting, `site` the build,
portal, serve and init commands, `precommit` the pre-commit hook, `progress` the progress line."""
