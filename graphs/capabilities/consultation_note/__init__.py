"""상담일지: a short summary of the counseling thread (logic in ``graphs.capabilities.activity_plan.note``)."""
