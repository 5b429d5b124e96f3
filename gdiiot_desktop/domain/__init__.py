"""Domain core: entities, campaign model and the rule engine. No Qt, no SQLAlchemy."""
