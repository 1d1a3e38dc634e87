"""`python -m consult.cli` runs the `consult` command."""

from consult.cli import main

main()
