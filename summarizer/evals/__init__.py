"""Evaluation: gold files (`gold`), the scorer (`score`) and external-corpus adapters (`adapters`)."""
