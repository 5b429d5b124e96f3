"""The province task list (issue 14): import, progress against the city's projects, report."""
