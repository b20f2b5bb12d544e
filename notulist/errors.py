"""Error hierarchy. Stages raise these; only `service/` turns them into HTTP or CLI messages."""


class NotulistError(Exception):
    """Base class: a problem the user can understand and act on."""


class InputError(NotulistError):
    """A document that cannot be ingested (empty, corrupt, unsupported, too large)."""

    def __init__(self, message: str, *, filename: str | None = None):
        self.filename = filename
        super().__init__(message)


class UnsupportedFormatError(InputError):
    """The file type is not one Notulist reads."""


class TooLargeError(InputError):
    """The file (or what it decompresses to) is over the size limit."""


class NotFoundError(NotulistError):
    """A meeting, item, action or verslag that does not exist."""


class AmbiguousReferenceError(NotulistError):
    """A meeting reference (e.g. a date) that matches more than one meeting."""


class ConfigError(NotulistError):
    """A setting that is missing or invalid."""


class PromptError(NotulistError):
    """A prompt template that is missing or lacks a variable."""


class MissingPromptVariableError(PromptError):
    """A prompt template refers to a variable that was not given."""


class LLMError(NotulistError):
    """The configured LLM could not answer (unreachable, refused, invalid output)."""


class LLMUnavailableError(LLMError):
    """The LLM server cannot be reached or did not answer in time."""


class LLMAuthError(LLMError):
    """The LLM server refused the API key (401/403)."""


class LLMRateLimitError(LLMError):
    """The LLM server kept answering 429 (too many requests) after the retries."""


class LLMContextTooLongError(LLMError):
    """The prompt does not fit in the model's context window."""


class LLMOutputError(LLMError):
    """The LLM answered, but not with valid, grounded output (invalid JSON, quotes not in the source)."""


class GroundingError(NotulistError):
    """A quote that is not an exact span of the stored source."""


class AccessDeniedError(NotulistError):
    """A key without the role or series for what it asked."""
