"""What the family reads: texts, care content, labels, who to call."""
