"""Extensions loaded by the Rasa 3.6 server itself (.venv-rasa; nothing in the project's own
venv imports this module): the REST input channel and the NLU tokenizer named in
credentials.yml and config.yml.

- HandlerRestInput: Rasa's REST channel, same URL (/webhooks/rest/webhook). Rasa reads a message
  starting with "/" as an intent ("/restart" would wipe the call's state); a handler's text is
  never a command, so such a message gets a zero-width space in front (actions strip it again
  before recording the note, so evidence offsets match what was typed). A missing or non-text
  message becomes "".
- TruncatingWhitespaceTokenizer: the whitespace tokenizer keeping the first `max_tokens` tokens
  for NLU. Intent needs the gist of a message; DIET's attention grows with the square of its
  length (a 20,000-character note took seconds). The core engine still reads the whole note.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.channels.rest import RestInput
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

COMMAND_GUARD = "\u200b"


def escape_command(text: Any) -> str:
    if not isinstance(text, str):
        return ""
    return COMMAND_GUARD + text if text.lstrip().startswith("/") else text


class HandlerRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def _extract_message(self, req: Any) -> Optional[Text]:
        body = req.json if isinstance(req.json, dict) else {}
        return escape_command(body.get("message"))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class TruncatingWhitespaceTokenizer(WhitespaceTokenizer):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**WhitespaceTokenizer.get_default_config(), "max_tokens": 256}

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        return super().tokenize(message, attribute)[: self._config["max_tokens"]]
