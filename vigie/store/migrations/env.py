"""Alembic environment: migrations run on the connection the Store hands over (no ini file)."""

from alembic import context

connection = context.config.attributes["connection"]
# One transaction per migration: a failed migration leaves the previous ones applied and recorded.
context.configure(connection=connection, transaction_per_migration=True, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
