"""Read-only queries for the busiest pages, run on a pooled connection without a transaction.

Every respondent page starts with the same small query. Through an ORM session it costs a
transaction (on PostgreSQL a BEGIN and a ROLLBACK, two more round trips) and several times
the SQL's own time in Python. A `CommittedRead` is compiled once per database dialect and
runs in autocommit on a connection of the engine's pool: it sees what is committed, which
is all there is at the start of a request, before it writes anything. Database errors come
out as SQLAlchemy's exceptions, with dead connections invalidated, as through a session.
Values pass through SQLAlchemy's own result processors for each column type (UTCDateTime,
JSON, ...), looked up once per dialect from the cursor's description.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Dialect, Engine, Select
from sqlalchemy.exc import DBAPIError

from surveys.base import autocommit


def _row_type(names: list[str]) -> Any:
    """A row type named after the selected columns; built at run time, so typed loosely."""
    return namedtuple("Row", names)


class CommittedRead:
    def __init__(self, statement: Select) -> None:
        self.statement = statement
        self.row = _row_type([str(column.key) for column in statement.selected_columns])
        self._compiled: dict[str, Any] = {}
        self._processors: dict[str, list[Any] | None] = {}

    def all(self, engine: Engine, parameters: Mapping[str, Any]) -> list[Any]:
        """The rows of the statement with these parameters (named as its bind parameters)."""
        dialect = engine.dialect
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            compiled = self._compiled[dialect.name] = self.statement.compile(dialect=dialect)
        values = compiled.construct_params(parameters)
        if compiled.positiontup is not None:  # "?" or "%s" placeholders
            arguments: Any = tuple(values[name] for name in compiled.positiontup)
        else:
            arguments = values
        try:
            connection = engine.raw_connection()
        except dialect.loaded_dbapi.Error as error:  # no connection to be had: a restart
            raise DBAPIError.instance(
                None,
                None,
                error,
                dialect.loaded_dbapi.Error,
                connection_invalidated=dialect.is_disconnect(error, None, None),
                dialect=dialect,
            ) from error
        cursor = None
        try:
            with autocommit(connection.driver_connection):
                cursor = connection.cursor()
                cursor.execute(compiled.string, arguments)
                found = cursor.fetchall()
                if dialect.name not in self._processors:
                    self._processors[dialect.name] = self._processors_for(
                        dialect, cursor.description
                    )
                cursor.close()
        except dialect.loaded_dbapi.Error as error:
            gone = dialect.is_disconnect(error, connection.driver_connection, cursor)
            if gone:
                connection.invalidate(error)
            raise DBAPIError.instance(
                compiled.string,
                arguments,
                error,
                dialect.loaded_dbapi.Error,
                connection_invalidated=gone,
                dialect=dialect,
            ) from error
        finally:
            connection.close()  # back to the pool
        processors = self._processors[dialect.name]
        if processors is None:  # nothing to convert: the common case, kept cheap
            return [self.row(*values) for values in found]
        return [
            self.row(*(p(v) if p else v for p, v in zip(processors, values, strict=True)))
            for values in found
        ]

    def _processors_for(self, dialect: Dialect, description: Any) -> list[Any] | None:
        """Each column's result processor for this dialect, or None when no column needs one."""
        processors = [
            column.type.dialect_impl(dialect).result_processor(dialect, described[1])
            for column, described in zip(self.statement.selected_columns, description, strict=True)
        ]
        return processors if any(processors) else None
