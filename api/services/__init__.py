"""Business logic behind the routers. Each function opens its own transactions."""
