"""The special-fund campaign kind (issue 14): a city's call for subsidy applications.

A special-fund campaign file (`kind = "special-fund"`) holds the support directions with their
subsidy rules as data; `subsidy` computes a project's maximum subsidy from them, `engine` runs the
registered FUND_* rules a campaign enables, and `pool` orders the applications within the budget.
"""
