"""The demo consultation: a county's integration summit, in five languages."""
