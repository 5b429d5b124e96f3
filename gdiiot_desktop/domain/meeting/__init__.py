"""The expert review meeting's pure logic: rubric, scores, aggregates, ranking, conflicts (no Qt, no SQL)."""
