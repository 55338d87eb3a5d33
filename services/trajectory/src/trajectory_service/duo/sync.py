"""The DUO sync: a worker thread in the trajectory service that acts on DUO's notifications and sends
the writes the gemeente owes DUO, each in its own transaction, retrying with capped backoff.

Ownership (issue 5, domain.md): DUO is the source of the inburgeringsplicht, the termijn and exam
results (read here, never edited by the gemeente); the gemeente is the source of the PIP and the
completion of components (sent from here). A DUO outage leaves work open (never dropped): the next
rounds retry until DUO answers, so the sync converges.
"""

import logging
import threading
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

from fastapi import FastAPI
from inburgering_shared.bsn import mask_bsns
from inburgering_shared.contracts.resources import Doelgroep, Leerroute
from inburgering_shared.db import utcnow
from inburgering_shared.duo import validatie
from inburgering_shared.duo.codes import leerroute_code
from inburgering_shared.http import ServiceClient
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import ServiceUnavailable
from pydantic import BaseModel
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from ..clients.duo import (
    DuoClient,
    DuoContractError,
    DuoError,
    DuoNotFoundError,
    DuoTimeoutError,
    DuoUnavailableError,
    DuoValidationError,
)
from ..clients.duo_models import PIP
from ..config import Settings
from ..plicht.rules import wet_van_toepassing
from ..plicht.service import eindstaat_van, sluit_af
from ..rapportage import service as rapportage
from ..rapportage.rules import plicht_voldaan_op
from ..trajecten import service as trajecten
from ..trajecten.models import Traject
from ..uren.rules import DuoUren
from . import contactpersoon, service
from .aanbod import lever_aanbod
from .events import publish_dossier
from .models import DuoDossier, DuoNotificatie, DuoOpdracht
from .pip_intrekking import trek_pip_in
from .pip_opdrachten import AANBOD, CONTACTPERSOON, CONTACTPERSOON_WEG, PIP_WEG, laatste_contactpersoon
from .pip_opdrachten import PIP as PIP_OPDRACHT
from .rules import NEDERLAND, is_vestiging, start_pip_klok, te_lezen, volgende_poging
from .service import GEPARKEERD, GEWEIGERD, ONTVANGEN, VERWERKT, VERZONDEN, WACHTEND

log = logging.getLogger(__name__)

BATCH = 50
Werk = TypeVar("Werk", DuoNotificatie, DuoOpdracht)
Koppelaar = Callable[[str, str], str | None]
"""(gemeentecode, bsn) -> the inburgeraar's URL at intake, or None when intake does not know the BSN."""
ClientVoor = Callable[[str], DuoClient]
"""gemeentecode -> a DUO client sending as that gemeente (its OIN as `bron`)."""
Verhuizer = Callable[[str, str, date, str], str]
"""(gemeentecode, bsn, datum vestiging, gebeurtenisId) -> what intake did with the move (SS120/SS121)."""


UREN_SCHRIJVEN: dict[DuoUren, Callable[[DuoClient, str, int, uuid.UUID], None]] = {
    DuoUren.PARTICIPATIE_ALS_TAALLES: DuoClient.zet_uren_participatie_als_taalles,
    DuoUren.TAALLES_EN_KNM_BREDE_INTAKE: DuoClient.zet_uren_taalles_knm_brede_intake,
    DuoUren.PARTICIPATIEACTIVITEITEN: DuoClient.zet_uren_participatieactiviteiten,
}
"""DUO's three totals of the Gevolgde Uren API; each PUT replaces DUO's previous total."""


class DuoNietBereikbaarError(Exception):
    """DUO or intake did not answer: the work stays open and is retried without limit."""


class OnbekendVNummerError(Exception):
    """DUO named only a vNummer no dossier carries yet: retried (a later notification may bring the
    BSN with it), then parked."""


class DuoWeigering(Exception):
    """DUO refused a write under its rules (403 with its Foutmelding): the write is `geweigerd`."""


def _storing(fout: Exception) -> tuple[str, bool]:
    """The reason in words (BSNs masked) and whether the fault is the dossier's own (parked after
    `duo_max_pogingen`) rather than DUO or intake being down (retried until they answer)."""
    if isinstance(fout, DuoNietBereikbaarError):
        return str(fout), False
    if isinstance(fout, DuoError | OnbekendVNummerError):
        return _tekst(fout), True
    log.error("DUO-sync: onverwachte fout bij één dossier", exc_info=fout)
    return f"Interne fout bij verwerken ({type(fout).__name__}); zie het log.", True


def duo_clients(settings: Settings) -> ClientVoor:
    """One DuoClient per gemeente (its OIN is the `bron` header), with the mTLS settings."""
    cert = (
        (settings.duo_client_cert, settings.duo_client_key)
        if settings.duo_client_cert and settings.duo_client_key
        else None
    )
    clients: dict[str, DuoClient] = {}

    def voor(gemeentecode: str) -> DuoClient:
        if gemeentecode not in clients:
            clients[gemeentecode] = DuoClient(
                settings.duo_base_url,
                settings.duo_gemeente_oins[gemeentecode],
                settings.duo_oin,
                cert=cert,
                verify=settings.duo_ca_bundle or True,
                timeout=settings.http_timeout_seconds,
                max_pogingen=2,
                backoff_start=0.2,
                backoff_max=1.0,
            )
        return clients[gemeentecode]

    return voor


def intake_koppelaar(service_client: ServiceClient, intake_url: str) -> Koppelaar:
    """Find the inburgeraar by BSN at intake (BSN in the body, never in a URL)."""

    def koppel(gemeentecode: str, bsn: str) -> str | None:
        if not intake_url:
            return None
        response = service_client.request("POST", f"{intake_url}/inburgeraars/zoeken", json={"bsn": bsn})
        if response.status_code >= 500:
            raise ServiceUnavailable("Intake antwoordde niet.")
        if not response.is_success:
            return None
        gevonden = [i["url"] for i in response.json() if i.get("gemeentecode") == gemeentecode]
        return gevonden[0] if gevonden else None

    return koppel


def intake_verhuizer(service_client: ServiceClient, intake_url: str) -> Verhuizer:
    """Move the person's dossier at intake to the gemeente DUO says they settled in (POST /verhuizingen).

    Intake answers 409 when the dossier is here already (a retried notification) and 404 when no other
    gemeente has one (a person new to this system): both leave nothing to do."""

    def verhuis(gemeentecode: str, bsn: str, datum: date, gebeurtenis_id: str) -> str:
        if not intake_url:
            return "Verhuizing niet doorgegeven: geen intake ingesteld."
        body = {
            "bsn": bsn,
            "naarGemeente": gemeentecode,
            "datumVestiging": datum.isoformat(),
            "gebeurtenis": gebeurtenis_id,
        }
        response = service_client.request("POST", f"{intake_url}/verhuizingen", json=body)
        if response.status_code >= 500:
            raise ServiceUnavailable("Intake antwoordde niet.")
        return {
            200: "dossier verhuisd naar deze gemeente",
            202: f"verhuizing aangekondigd: het dossier komt op {datum.isoformat()} naar deze gemeente",
            409: "dossier was al in deze gemeente",
            404: "geen dossier in een andere gemeente",
        }.get(response.status_code, f"intake weigerde de verhuizing ({response.status_code})")

    return verhuis


class DuoSync:
    def __init__(
        self,
        *,
        session_factory: Callable[[], sessionmaker[Session]],
        settings: Settings,
        outbox: Outbox | None,
        client_voor: ClientVoor,
        koppel: Koppelaar,
        verhuis: Verhuizer,
        vandaag: Callable[[], date] | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.settings = settings
        self.outbox = outbox
        self.client_voor = client_voor
        self.koppel = koppel
        self.verhuis = verhuis
        self.vandaag = vandaag or (lambda: datetime.now(NEDERLAND).date())
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # the worker ---------------------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="duo-sync", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.ronde()
            except Exception:
                log.exception("DUO-sync ronde mislukt; volgende ronde probeert opnieuw")
            self._stop.wait(self.settings.duo_sync_interval_seconds)

    def ronde(self, nu: datetime | None = None) -> int:
        """One round: due notifications, then due writes. Returns how many items were handled."""
        if not self.settings.duo_base_url:
            return 0
        nu = nu or utcnow()
        verwerkt = self._notificaties(nu)
        # Writes released by these notifications are due from now on.
        return verwerkt + self._opdrachten(max(nu, utcnow()))

    # notifications ------------------------------------------------------------------------------

    def _notificaties(self, nu: datetime) -> int:
        with self.session_factory()() as session:
            ids = list(
                session.scalars(
                    select(DuoNotificatie.id)
                    .where(DuoNotificatie.status == ONTVANGEN, DuoNotificatie.volgende_poging <= nu)
                    .order_by(DuoNotificatie.registratie_datum_tijd, DuoNotificatie.ontvangen)
                    .limit(BATCH)
                )
            )
        for notificatie_id in ids:
            try:
                with self.session_factory()() as session, session.begin():
                    notificatie = session.get(
                        DuoNotificatie, notificatie_id, with_for_update={"skip_locked": True}
                    )
                    if notificatie is None or notificatie.status != ONTVANGEN:
                        continue
                    notificatie.resultaat = self._verwerk(session, notificatie)
                    notificatie.status, notificatie.verwerkt = VERWERKT, nu
            except Exception as fout:  # one dossier's fault never stops the round
                self._mislukt(DuoNotificatie, notificatie_id, fout, nu)
        return len(ids)

    def _mislukt(self, soort: type[Werk], werk_id: object, fout: Exception, nu: datetime) -> None:
        """Record a failed attempt in its own transaction (what the attempt changed is rolled back):
        retried with backoff; parked after `duo_max_pogingen` when the fault is this dossier's alone."""
        reden, eigen = _storing(fout)
        with self.session_factory()() as session, session.begin():
            werk = session.get(soort, werk_id)
            if werk is None:
                return
            _later(werk, reden, nu, self.settings)
            if eigen and werk.pogingen >= self.settings.duo_max_pogingen:
                werk.status = GEPARKEERD
                werk.resultaat = f"Geparkeerd na {werk.pogingen} pogingen: {reden}"

    def _verwerk(self, session: Session, notificatie: DuoNotificatie) -> str:
        dossier = self._dossier_van(session, notificatie)
        gebeurtenis = notificatie.gebeurtenis_id
        voor = self._voor_pip(dossier)
        plicht_voldaan_voor = plicht_voldaan_op(dossier.inburgeringsplicht)
        gelezen = [self._lees(dossier, lezen) for lezen in te_lezen(gebeurtenis)]
        if (klok := start_pip_klok(gebeurtenis, notificatie.registratie_datum_tijd)) is not None:
            dossier.pip_klok_start = klok
        if gelezen:
            dossier.laatst_gelezen = utcnow()
        self._koppel(dossier)
        verhuizing = None
        if dossier.inburgeraar_url is None and is_vestiging(gebeurtenis):
            # Not (yet) in this gemeente at intake: the dossier moves here, then the BSN links.
            verhuizing = self._verhuis(dossier, notificatie)
            self._koppel(dossier)
        na = self._voor_pip(dossier)
        if dossier.inburgeraar_url is not None and any(na[1:]) and na != voor:
            # pip starts the PIP deadline from DUO's SS139 (R2), and closes it for the Wet inburgering
            # 2013 (art. 54) or an ended plicht.
            publish_dossier(session, self.outbox, self.settings.api_url, dossier, gebeurtenis)
        if (
            dossier.inburgeraar_url is not None
            and (eind := eindstaat_van(dossier, self.vandaag())) is not None
        ):
            sluit_af(
                session,
                self.outbox,
                self.settings.api_url,
                inburgeraar_url=dossier.inburgeraar_url,
                gemeentecode=dossier.gemeentecode,
                eind=eind,
            )
            self._contactpersoon_weg(session, dossier)
        if dossier.inburgeraar_url is not None:
            # Writes that waited for DUO to name the person can go now.
            session.execute(
                update(DuoOpdracht)
                .where(DuoOpdracht.inburgeraar_url == dossier.inburgeraar_url, DuoOpdracht.status == WACHTEND)
                .values(volgende_poging=utcnow())
            )
        if "inburgeringstermijn" in gelezen:
            self._termijn_naar_traject(session, dossier)
        # Reporting reads DUO's exam results and the plicht met (resources examen, afronding).
        rapportage.neem_examens_over(session, self.outbox, self.settings.api_url, dossier)
        rapportage.plicht_voldaan_gewijzigd(
            session, self.outbox, self.settings.api_url, dossier, plicht_voldaan_voor
        )
        session.flush()
        gedaan = [f"Gelezen: {', '.join(gelezen)}"] if gelezen else []
        gedaan += [f"Verhuizing: {verhuizing}"] if verhuizing else []
        return "; ".join(gedaan) or "Geen actie voor deze gebeurtenis."

    @staticmethod
    def _contactpersoon_weg(session: Session, dossier: DuoDossier) -> None:
        """The plicht ended: the klantmanager is no longer the person's contactpersoon at DUO."""
        assert dossier.inburgeraar_url is not None
        laatste = laatste_contactpersoon(session, dossier.inburgeraar_url)
        if laatste is not None and laatste[0] == CONTACTPERSOON:
            service.plan_opdracht(
                session,
                inburgeraar_url=dossier.inburgeraar_url,
                gemeentecode=dossier.gemeentecode,
                soort=CONTACTPERSOON_WEG,
                inhoud={},
            )

    @staticmethod
    def _dossier_van(session: Session, notificatie: DuoNotificatie) -> DuoDossier:
        """The dossier DUO named; for a vNummer alone the dossier that carries that vNummer."""
        if notificatie.dossier_id is None and notificatie.v_nummer is not None and notificatie.gemeentecode:
            gevonden = service.dossier_met_v_nummer(session, notificatie.gemeentecode, notificatie.v_nummer)
            if gevonden is None:
                raise OnbekendVNummerError(
                    "DUO noemde alleen een vNummer dat nog bij geen dossier hoort; wacht op een notificatie"
                    " met BSN en vNummer."
                )
            notificatie.dossier_id = gevonden.id
        dossier = session.get(DuoDossier, notificatie.dossier_id)
        assert dossier is not None, "an ONTVANGEN notification names a BSN or a vNummer"
        return dossier

    def _voor_pip(self, dossier: DuoDossier) -> tuple[object, ...]:
        """What pip acts on: the link, DUO's PIP clock, the law and the end state of the plicht."""
        return (
            dossier.inburgeraar_url,
            dossier.pip_klok_start,
            wet_van_toepassing(dossier.inburgeringsplicht),
            eindstaat_van(dossier, self.vandaag()),
        )

    def _lees(self, dossier: DuoDossier, lezen: str) -> str:
        lees: Callable[[str], Any] = getattr(self.client_voor(dossier.gemeentecode), lezen)
        try:
            waarde = _json(lees(dossier.bsn))
        except DuoNotFoundError:
            waarde = None  # DUO holds none (yet): what the gemeente held is cleared, as DUO is the source
        except DuoTimeoutError:
            raise  # slow on this person: retried, then parked
        except DuoUnavailableError as fout:
            raise DuoNietBereikbaarError(f"DUO niet bereikbaar bij lezen {lezen}: {_tekst(fout)}") from fout
        setattr(dossier, lezen, waarde)
        return lezen

    def _verhuis(self, dossier: DuoDossier, notificatie: DuoNotificatie) -> str:
        """SS120/SS121: intake moves the dossier here (POST /verhuizingen). The day of DUO's
        registration is the date of settling (DUO's read APIs do not give it)."""
        datum = notificatie.registratie_datum_tijd.astimezone(NEDERLAND).date()
        try:
            return self.verhuis(dossier.gemeentecode, dossier.bsn, datum, notificatie.gebeurtenis_id)
        except ServiceUnavailable as fout:
            raise DuoNietBereikbaarError("Intake niet bereikbaar om het dossier te verhuizen.") from fout

    def _koppel(self, dossier: DuoDossier) -> None:
        if dossier.inburgeraar_url is not None:
            return
        try:
            dossier.inburgeraar_url = self.koppel(dossier.gemeentecode, dossier.bsn)
        except ServiceUnavailable as fout:
            raise DuoNietBereikbaarError("Intake niet bereikbaar om de BSN te koppelen.") from fout

    def _termijn_naar_traject(self, session: Session, dossier: DuoDossier) -> None:
        if dossier.inburgeraar_url is None or not dossier.inburgeringstermijn:
            return
        traject = session.scalar(select(Traject).where(Traject.inburgeraar_url == dossier.inburgeraar_url))
        if traject is None:
            return
        termijn = dossier.inburgeringstermijn
        trajecten.neem_termijn_van_duo(
            session,
            self.outbox,
            self.settings.api_url,
            traject,
            start=date.fromisoformat(termijn["startdatum"]),
            einde=date.fromisoformat(termijn["einddatum"]),
        )

    # writes -------------------------------------------------------------------------------------

    def _opdrachten(self, nu: datetime) -> int:
        with self.session_factory()() as session:
            rijen = session.execute(
                select(DuoOpdracht.id, DuoOpdracht.inburgeraar_url, DuoOpdracht.volgende_poging)
                .where(DuoOpdracht.status == WACHTEND)
                .order_by(DuoOpdracht.aangemaakt, DuoOpdracht.id)
                .limit(BATCH)
            ).all()
            # A parked write holds back the person's later writes (they need it first).
            geblokkeerd = set(
                session.scalars(
                    select(DuoOpdracht.inburgeraar_url).where(
                        DuoOpdracht.status == GEPARKEERD,
                        DuoOpdracht.inburgeraar_url.in_({r.inburgeraar_url for r in rijen}),
                    )
                )
            )
        verwerkt = 0
        for opdracht_id, inburgeraar_url, moment in rijen:
            # Writes for one person go in order (the PIP before the MAP date that needs it).
            if inburgeraar_url in geblokkeerd or moment > nu:
                geblokkeerd.add(inburgeraar_url)
                continue
            verwerkt += 1
            try:
                with self.session_factory()() as session, session.begin():
                    opdracht = session.get(DuoOpdracht, opdracht_id, with_for_update={"skip_locked": True})
                    if opdracht is None or opdracht.status != WACHTEND:
                        continue
                    try:
                        self._verstuur(session, opdracht)
                        opdracht.status, opdracht.verzonden, opdracht.resultaat = VERZONDEN, nu, None
                    except DuoValidationError as fout:
                        opdracht.status = GEWEIGERD
                        opdracht.resultaat = f"Niet verzonden, DUO zou weigeren: {_tekst(fout)}"
                    except DuoWeigering as fout:
                        opdracht.status, opdracht.resultaat = GEWEIGERD, f"DUO weigerde: {_tekst(fout)}"
            except Exception as fout:  # one dossier's fault never stops the round
                self._mislukt(DuoOpdracht, opdracht_id, fout, nu)
                geblokkeerd.add(inburgeraar_url)
        return verwerkt

    def _verstuur(self, session: Session, opdracht: DuoOpdracht) -> None:
        dossier = session.scalar(
            select(DuoDossier).where(
                DuoDossier.inburgeraar_url == opdracht.inburgeraar_url,
                DuoDossier.gemeentecode == opdracht.gemeentecode,
            )
        )
        if dossier is None:
            raise DuoNietBereikbaarError("Wacht op een notificatie van DUO: de BSN is nog niet gekoppeld.")
        traject = session.scalar(select(Traject).where(Traject.inburgeraar_url == opdracht.inburgeraar_url))
        duo = self.client_voor(dossier.gemeentecode)
        inhoud = opdracht.inhoud
        if opdracht.bericht_id is None:  # queued before writes kept their berichtId
            opdracht.bericht_id = uuid.uuid4()
        bericht_id = opdracht.bericht_id
        try:
            if opdracht.soort == PIP_OPDRACHT:
                duo.registreer_pip(dossier.bsn, *self._pip(dossier, duo, inhoud), bericht_id)
            elif opdracht.soort in ("map", "pvt"):
                datum = date.fromisoformat(inhoud["datum"]) if inhoud.get("datum") else None
                zet = duo.zet_map if opdracht.soort == "map" else duo.zet_pvt
                context = self._resultaat_context(dossier, traject)
                zet(dossier.bsn, datum, inhoud.get("verwijtbaar"), context, bericht_id)
            elif opdracht.soort in UREN_SCHRIJVEN:
                UREN_SCHRIJVEN[DuoUren(opdracht.soort)](duo, dossier.bsn, int(inhoud["uren"]), bericht_id)
            elif opdracht.soort == "zroute":
                datum = date.fromisoformat(inhoud["datum"]) if inhoud.get("datum") else None
                duo.zet_zroute(dossier.bsn, datum, bericht_id)
            elif opdracht.soort == AANBOD:
                lever_aanbod(duo, dossier, inhoud, bericht_id)
            elif opdracht.soort == PIP_WEG:
                trek_pip_in(duo, dossier, inhoud, bericht_id)
            elif opdracht.soort == CONTACTPERSOON:
                contactpersoon.koppel(session, duo, dossier, inhoud, bericht_id)
            elif opdracht.soort == CONTACTPERSOON_WEG:
                contactpersoon.ontkoppel(session, duo, dossier, bericht_id)
            else:
                raise ValueError(f"onbekende opdracht {opdracht.soort}")
        except DuoTimeoutError:
            raise  # slow on this person: retried, then parked
        except DuoUnavailableError as fout:
            raise DuoNietBereikbaarError(f"DUO niet bereikbaar: {_tekst(fout)}") from fout
        except (DuoContractError, DuoNotFoundError):
            raise
        except DuoError as fout:
            if fout.status_code == 403:  # DUO's rules refused the write, in words (its Foutmelding)
                raise DuoWeigering(*fout.args) from fout
            raise

    def _pip(
        self, dossier: DuoDossier, duo: DuoClient, inhoud: dict[str, Any]
    ) -> tuple[PIP, validatie.PipContext]:
        pip = PIP(
            dagtekeningPip=date.fromisoformat(inhoud["dagtekening"]),
            leerroute=leerroute_code(Leerroute(inhoud["leerroute"])),
            niveau=inhoud.get("niveau"),
        )
        if not dossier.inburgeringsplicht:
            self._lees(dossier, "inburgeringsplicht")
        if not dossier.doelgroep:
            self._lees(dossier, "doelgroep")
        try:
            actuele: date | None = duo.pip(dossier.bsn).pip.dagtekeningPip
        except DuoNotFoundError:
            actuele = None
        plicht = dossier.inburgeringsplicht or {}
        start = date.fromisoformat(plicht["begindatum"]) if plicht.get("begindatum") else pip.dagtekeningPip
        detail = (dossier.doelgroep or {}).get("gedetailleerdeDoelgroep") or Doelgroep.OVERIG.value
        # DUO's read APIs do not give the vestigingsdatum; pip checked it against the BRP at vaststellen.
        context = validatie.PipContext(start, start, Doelgroep(detail), actuele, actuele)
        return pip, context

    def _resultaat_context(self, dossier: DuoDossier, traject: Traject | None) -> validatie.ResultaatContext:
        termijn = dossier.inburgeringstermijn
        start = (
            date.fromisoformat(termijn["startdatum"])
            if termijn
            else (traject.termijn_start if traject else None)
        )
        einde = (
            date.fromisoformat(termijn["einddatum"])
            if termijn
            else (traject.termijn_einde if traject else None)
        )
        return validatie.ResultaatContext(start, einde, None, self.vandaag())


def _later(werk: DuoNotificatie | DuoOpdracht, reden: str, nu: datetime, settings: Settings) -> None:
    werk.pogingen += 1
    werk.resultaat = reden
    werk.volgende_poging = volgende_poging(werk.pogingen, nu, settings.duo_max_backoff_seconds)


def _json(waarde: Any) -> Any:
    if isinstance(waarde, BaseModel):
        return waarde.model_dump(mode="json", exclude_none=True, by_alias=True)
    if isinstance(waarde, list):
        return [_json(w) for w in waarde]
    return waarde


def _tekst(fout: Exception) -> str:
    """An error as stored in the sync state (shown to the klantmanager as `laatsteFout`): DUO's own
    text may name a BSN, which never leaves DUO's answer unmasked."""
    return mask_bsns(str(fout))[:500]


def create_sync(app: FastAPI, settings: Settings) -> DuoSync:
    """The sync of a running app: it reads the app's session factory each round (tests swap it)."""
    return DuoSync(
        session_factory=lambda: app.state.session_factory,
        settings=settings,
        outbox=app.state.outbox,
        client_voor=duo_clients(settings),
        koppel=lambda code, bsn: intake_koppelaar(app.state.service_client, settings.intake_url)(code, bsn),
        verhuis=lambda *verhuizing: intake_verhuizer(app.state.service_client, settings.intake_url)(
            *verhuizing
        ),
    )
