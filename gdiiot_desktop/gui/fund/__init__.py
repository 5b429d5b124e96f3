"""The special-fund window (issue 14): the 入库 board with the budget line, charts, the task view."""
