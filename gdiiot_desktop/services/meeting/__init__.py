"""Use cases of the expert review meeting: set-up, scoring, results, presentation data and minutes."""
