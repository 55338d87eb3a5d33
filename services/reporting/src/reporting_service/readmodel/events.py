"""The event handler: an event names a resource; GET it and apply it to the read models."""

from inburgering_shared.callbacks import EventContext
from inburgering_shared.contracts.events import Actie, Notificatie
from inburgering_shared.contracts.reporting_inputs import RESOURCES

from .projections import PROJECTIONS, apply_resource, forget


def project(context: EventContext, notificatie: Notificatie) -> None:
    """Resources reporting does not report on are acknowledged and left alone."""
    if notificatie.resource not in PROJECTIONS:
        return
    if notificatie.actie == Actie.DESTROY:
        forget(context.session, notificatie.resource, notificatie.resourceUrl)
        return
    resource = context.services.get_model(notificatie.resourceUrl, RESOURCES[notificatie.resource])
    apply_resource(context.session, context.services, notificatie.resource, resource)
