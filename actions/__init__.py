"""The chat layer's custom actions (Rasa 3.6 calls them over the action webhook).

Thin: every action reads the call state from the tracker's slots and asks the core engine
(`assistant`) for the analysis; nothing here decides risk or grade. Served in the project's
own Python 3.11 process by `actions.webhook.create_action_app()`.
"""
