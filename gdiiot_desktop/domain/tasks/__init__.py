"""The province's task list per city (issue 14; seeds 000, 001): tasks with measurable targets,
parsed from the 工作量 text, and the city's progress against them."""
