"""The LLM stage: the model describes what code found, in small calls keyed by candidate id.

`drafts` holds the response models, `calls` builds and runs the calls, `salvage` keeps the
valid parts of an answer that stays invalid, and `prompts` reads the versioned prompt files.
"""

from summarizer.extract.calls import extract
from summarizer.extract.drafts import Draft, Extraction

__all__ = ["Draft", "Extraction", "extract"]
