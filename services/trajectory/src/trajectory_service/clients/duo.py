"""The gemeente's client for DUO's M2M inburgering APIs (DUO's contract exactly, see
`duo-m2m-inburgering/API/*.openapi.yml`).

Every message carries `bron` (the gemeente's OIN), `doel` (DUO's OIN) and its `berichtId`: fresh per
message, the same on every repeated delivery of it (the caller may pass the id of a queued write).
Reads, PUTs and DELETEs are retried on connection errors and 5xx with capped exponential backoff; POSTs
are sent once. An answer DUO's schema does not describe raises DuoContractError.
Writes are first checked against DUO's published rules (R6, R13 in
`inburgering_shared.duo.validatie`, the rules pip applies too) and not sent when DUO would refuse them.
"""

import re
import ssl
import time
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import httpx
from inburgering_shared.contracts.resources import Niveau
from inburgering_shared.duo import validatie
from inburgering_shared.duo.codes import leerroute_van_code
from pydantic import BaseModel, TypeAdapter, ValidationError

from trajectory_service.clients.duo_models import (
    PIP,
    Contactpersoon,
    Contactpersoongegevens,
    DatumMap,
    DatumPvt,
    Doelgroep,
    Doelgroephistorie,
    Examennummer,
    Examenresultaat,
    GevolgdeUren,
    GratisPogingTegoed,
    Inburgeringsaanbod,
    Inburgeringsplicht,
    Inburgeringsplichthistorie,
    Inburgeringstermijn,
    Inburgeringstermijnhistorie,
    Instelling,
    JaNee,
    LeerbaarheidstoetsResultaat,
    Ontheffing,
    ParticipatieactiviteitenBredeIntake,
    ParticipatieAlsTaalles,
    PipGemeente,
    ResultaatMap,
    ResultaatPvt,
    ResultaatZroute,
    TaallesEnKnmBredeIntake,
    Verlengingsgrond,
    Vrijstelling,
)

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

OPERATIES: dict[str, str] = {}
"""DUO's operationId -> the DuoClient method that calls it (tests check all of DUO's documents are here)."""


def operatie(operation_id: str) -> Callable[[F], F]:
    def registreer(methode: F) -> F:
        OPERATIES[operation_id] = methode.__name__
        return methode

    return registreer


_BSN = re.compile(r"^\d{9}$")
_HERHAALBAAR = frozenset({"GET", "PUT", "DELETE"})


class DuoError(Exception):
    """DUO answered with an error; `fouttekst` holds DUO's Foutmelding texts (empty when DUO sent none)."""

    def __init__(
        self, status_code: int | None, fouttekst: list[str], bericht_id: str, melding: str = ""
    ) -> None:
        self.status_code = status_code
        self.fouttekst = fouttekst
        self.bericht_id = bericht_id
        super().__init__(melding or f"DUO antwoordde {status_code} op bericht {bericht_id}: {fouttekst}")


class DuoNotFoundError(DuoError):
    """404: DUO does not know the person or the resource."""


class DuoUnavailableError(DuoError):
    """DUO stayed unreachable or kept answering 5xx after all attempts."""


class DuoTimeoutError(DuoUnavailableError):
    """The last attempt got no answer in time (DUO may be slow on this one person only)."""


class DuoContractError(DuoError):
    """DUO answered with a body its own OpenAPI document does not describe (e.g. a new enum value)."""


class DuoValidationError(ValueError):
    """The write was not sent: DUO would refuse it under the rules named in `overtredingen`."""

    def __init__(self, overtredingen: list[validatie.Overtreding]) -> None:
        self.overtredingen = overtredingen
        super().__init__("; ".join(str(o) for o in overtredingen))

    @property
    def codes(self) -> list[str]:
        return [o.code for o in self.overtredingen]


def ssl_context(cert: tuple[str, str] | None, verify: bool | str) -> ssl.SSLContext:
    """TLS for Digikoppeling: the PKIoverheid client certificate (certfile, keyfile)
    and the CA bundle to trust."""
    context = ssl.create_default_context(cafile=verify if isinstance(verify, str) else None)
    if verify is False:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    if cert is not None:
        context.load_cert_chain(certfile=cert[0], keyfile=cert[1])
    return context


class DuoClient:
    def __init__(
        self,
        base_url: str,
        bron_oin: str,
        doel_oin: str,
        *,
        cert: tuple[str, str] | None = None,
        verify: bool | str = True,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
        max_pogingen: int = 3,
        backoff_start: float = 0.5,
        backoff_max: float = 4.0,
        slaap: Callable[[float], None] = time.sleep,
    ) -> None:
        """`base_url` includes DUO's base path, e.g. https://duo.example:1234/v1 (README 'Basis pad URI')."""
        for naam, oin in (("bron_oin", bron_oin), ("doel_oin", doel_oin)):
            if len(oin) != 20:
                raise ValueError(f"{naam} must be a 20-character OIN")
        if max_pogingen < 1:
            raise ValueError("max_pogingen must be at least 1")
        self._bron = bron_oin
        self._doel = doel_oin
        self._max_pogingen = max_pogingen
        self._backoff_start = backoff_start
        self._backoff_max = backoff_max
        self._slaap = slaap
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            verify=ssl_context(cert, verify),
            timeout=timeout,
            transport=transport,
        )

    def __enter__(self) -> "DuoClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    # transport ---------------------------------------------------------------------------------

    def _wacht(self, poging: int) -> None:
        self._slaap(min(self._backoff_max, self._backoff_start * 2 ** (poging - 1)))

    def _verzoek(
        self, methode: str, pad: str, body: BaseModel | None = None, bericht_id: uuid.UUID | None = None
    ) -> httpx.Response:
        """Send one message (its berichtId on every delivery); GET/PUT/DELETE are repeated on
        connection errors and 5xx, POST is sent once."""
        json = body.model_dump(mode="json", exclude_none=True, by_alias=True) if body is not None else None
        pogingen = self._max_pogingen if methode in _HERHAALBAAR else 1
        poging = 0
        bericht = str(bericht_id or uuid.uuid4())
        headers = {"bron": self._bron, "doel": self._doel, "berichtId": bericht}
        while True:
            poging += 1
            try:
                response = self._http.request(methode, pad, json=json, headers=headers)
            except httpx.TimeoutException as fout:
                if poging >= pogingen:
                    raise DuoTimeoutError(
                        None, [], bericht, f"DUO antwoordde niet op tijd ({fout!r})"
                    ) from fout
            except httpx.TransportError as fout:
                if poging >= pogingen:
                    raise DuoUnavailableError(None, [], bericht, f"DUO onbereikbaar: {fout!r}") from fout
            else:
                if response.status_code < 500:
                    return self._controleer(response, bericht)
                if poging >= pogingen:
                    raise DuoUnavailableError(response.status_code, _fouttekst(response), bericht)
            self._wacht(poging)

    @staticmethod
    def _controleer(response: httpx.Response, bericht_id: str) -> httpx.Response:
        if response.is_success:
            return response
        if response.status_code == 404:
            raise DuoNotFoundError(404, _fouttekst(response), bericht_id)
        raise DuoError(response.status_code, _fouttekst(response), bericht_id)

    def _lees(self, pad: str, type_: type[T]) -> T:
        return self._antwoord(self._verzoek("GET", pad), f"GET {_sjabloon(pad)}", type_)

    @staticmethod
    def _antwoord(response: httpx.Response, operatie: str, type_: type[T]) -> T:
        try:
            return TypeAdapter(type_).validate_json(response.content)
        except ValidationError as fout:
            raise DuoContractError(
                response.status_code,
                [],
                response.request.headers["berichtId"],
                f"DUO's antwoord op {operatie} valt buiten DUO's contract: {_velden(fout)}",
            ) from fout

    # reads -------------------------------------------------------------------------------------

    @operatie("getInburgeringsplichtByBsn")
    def inburgeringsplicht(self, bsn: str) -> Inburgeringsplicht:
        return self._lees(f"/personen/{_bsn(bsn)}/inburgeringsplicht", Inburgeringsplicht)

    @operatie("getDoelgroepByBsn")
    def doelgroep(self, bsn: str) -> Doelgroep:
        return self._lees(f"/personen/{_bsn(bsn)}/doelgroep", Doelgroep)

    @operatie("getInburgeringstermijnByBsn")
    def inburgeringstermijn(self, bsn: str) -> Inburgeringstermijn:
        return self._lees(f"/personen/{_bsn(bsn)}/inburgeringstermijn", Inburgeringstermijn)

    @operatie("getLbtResultatenByBsn")
    def leerbaarheidstoets(self, bsn: str) -> list[LeerbaarheidstoetsResultaat]:
        return self._lees(f"/personen/{_bsn(bsn)}/lbt/resultaten", list[LeerbaarheidstoetsResultaat])

    @operatie("getVrijstellingenByBsn")
    def vrijstellingen(self, bsn: str) -> list[Vrijstelling]:
        return self._lees(f"/personen/{_bsn(bsn)}/vrijstellingen", list[Vrijstelling])

    @operatie("getOntheffingenByBsn")
    def ontheffingen(self, bsn: str) -> list[Ontheffing]:
        return self._lees(f"/personen/{_bsn(bsn)}/ontheffingen", list[Ontheffing])

    @operatie("getExamenresultatenByBsn")
    def examenresultaten(self, bsn: str) -> list[Examenresultaat]:
        return self._lees(f"/personen/{_bsn(bsn)}/examens/resultaten", list[Examenresultaat])

    @operatie("getPipByBsn")
    def pip(self, bsn: str) -> PipGemeente:
        """The PIP DUO holds now, possibly of a previous gemeente."""
        return self._lees(f"/personen/{_bsn(bsn)}/PIP", PipGemeente)

    @operatie("getMapByBsn")
    def datum_eindgesprek_map(self, bsn: str) -> DatumMap:
        return self._lees(f"/personen/{_bsn(bsn)}/map", DatumMap)

    @operatie("getPvtByBsn")
    def datum_ondertekening_pvt(self, bsn: str) -> DatumPvt:
        return self._lees(f"/personen/{_bsn(bsn)}/pvt", DatumPvt)

    @operatie("getGevolgdeUrenByBsn")
    def gevolgde_uren(self, bsn: str) -> list[GevolgdeUren]:
        return self._lees(f"/personen/{_bsn(bsn)}/uren", list[GevolgdeUren])

    @operatie("getInburgeringsplichthistorieByBsn")
    def inburgeringsplicht_historie(self, bsn: str) -> list[Inburgeringsplichthistorie]:
        """Every earlier state of the plicht: why a value changed, for the klantmanager."""
        return self._lees(
            f"/personen/{_bsn(bsn)}/inburgeringsplicht/historie", list[Inburgeringsplichthistorie]
        )

    @operatie("getDoelgroephistorieByBsn")
    def doelgroep_historie(self, bsn: str) -> list[Doelgroephistorie]:
        return self._lees(f"/personen/{_bsn(bsn)}/doelgroep/historie", list[Doelgroephistorie])

    @operatie("getInburgeringstermijnhistorieByBsn")
    def inburgeringstermijn_historie(self, bsn: str) -> list[Inburgeringstermijnhistorie]:
        return self._lees(
            f"/personen/{_bsn(bsn)}/inburgeringstermijn/historie", list[Inburgeringstermijnhistorie]
        )

    @operatie("getVerlengingsgronden")
    def verlengingsgronden(self) -> list[Verlengingsgrond]:
        """DUO's codes and descriptions of the grounds on which a termijn is extended (R5)."""
        return self._lees("/verlengingsgronden", list[Verlengingsgrond])

    @operatie("getExamennummerByBsn")
    def examennummer(self, bsn: str) -> Examennummer:
        """The number under which the person takes the leerbaarheidstoets (after SS137)."""
        return self._lees(f"/personen/{_bsn(bsn)}/lbt/examennummer", Examennummer)

    @operatie("getGratisPogingenTegoedByBsn")
    def gratis_pogingen(self, bsn: str) -> list[GratisPogingTegoed]:
        """The free exam attempts left per onderdeel."""
        return self._lees(f"/personen/{_bsn(bsn)}/examens/gratispogingen", list[GratisPogingTegoed])

    @operatie("getInstellingen")
    def instellingen(self) -> list[Instelling]:
        """The instellingen DUO knows, to which an inburgeringsaanbod can be delivered."""
        return self._lees("/instellingen", list[Instelling])

    # writes ------------------------------------------------------------------------------------

    @operatie("postPipByBsn")
    def registreer_pip(
        self, bsn: str, pip: PIP, context: validatie.PipContext, bericht_id: uuid.UUID | None = None
    ) -> PIP:
        """POST the PIP (sent once, never retried); returns it as DUO records it (niveau filled in)."""
        aanlevering = pip_aanlevering(pip)
        _weiger_bij(validatie.pip_overtredingen(aanlevering, context))
        self._verzoek("POST", f"/personen/{_bsn(bsn)}/PIP", pip, bericht_id)
        niveau = validatie.met_standaard_niveau(aanlevering).niveau
        return pip.model_copy(update={"niveau": niveau.value if niveau else None})

    @operatie("updateMapByBsn")
    def zet_map(
        self,
        bsn: str,
        datum: date | None,
        verwijtbaar: JaNee | None,
        context: validatie.ResultaatContext,
        bericht_id: uuid.UUID | None = None,
    ) -> None:
        """PUT replaces DUO's whole MAP resource: a None date or verwijtbaar withdraws what DUO held."""
        _weiger_bij(validatie.resultaat_overtredingen(validatie.MAP, datum, verwijtbaar, context))
        self._verzoek(
            "PUT",
            f"/personen/{_bsn(bsn)}/map",
            ResultaatMap(datumEindgesprekMap=datum, verwijtbaar=verwijtbaar),
            bericht_id,
        )

    @operatie("updatePvtByBsn")
    def zet_pvt(
        self,
        bsn: str,
        datum: date | None,
        verwijtbaar: JaNee | None,
        context: validatie.ResultaatContext,
        bericht_id: uuid.UUID | None = None,
    ) -> None:
        """PUT replaces DUO's whole PVT resource: a None date or verwijtbaar withdraws what DUO held."""
        _weiger_bij(validatie.resultaat_overtredingen(validatie.PVT, datum, verwijtbaar, context))
        self._verzoek(
            "PUT",
            f"/personen/{_bsn(bsn)}/pvt",
            ResultaatPvt(datumOndertekeningPvt=datum, verwijtbaar=verwijtbaar),
            bericht_id,
        )

    @operatie("updateZrouteByBsn")
    def zet_zroute(self, bsn: str, datum: date | None, bericht_id: uuid.UUID | None = None) -> None:
        """PUT replaces DUO's Z-route resource: None withdraws the datum afronding Z-route."""
        self._verzoek(
            "PUT", f"/personen/{_bsn(bsn)}/zroute", ResultaatZroute(datumAfrondingZroute=datum), bericht_id
        )

    @operatie("updateUrenTaallesEnKnmByBSN")
    def zet_uren_taalles_knm_brede_intake(
        self, bsn: str, uren: int, bericht_id: uuid.UUID | None = None
    ) -> None:
        """Total hours of NT2 and KNM lessons during the brede intake (replaces the previous total)."""
        self._verzoek(
            "PUT",
            f"/personen/{_bsn(bsn)}/uren/bredeintake/taallesknm",
            TaallesEnKnmBredeIntake(uren=uren),
            bericht_id,
        )

    @operatie("updateUrenParticipatieactiviteiten")
    def zet_uren_participatieactiviteiten(
        self, bsn: str, uren: int, bericht_id: uuid.UUID | None = None
    ) -> None:
        """Total hours of participation activities for an asielstatushouder's Z-route
        (replaces the previous total)."""
        self._verzoek(
            "PUT",
            f"/personen/{_bsn(bsn)}/uren/participatieactiviteiten",
            ParticipatieactiviteitenBredeIntake(uren=uren),
            bericht_id,
        )

    @operatie("updateUrenParticipatieAlsTaallesByBsn")
    def zet_uren_participatie_als_taalles(
        self, bsn: str, uren: int, bericht_id: uuid.UUID | None = None
    ) -> None:
        """Total hours of Dutch and KNM lessons at a cursusinstelling in the leerroute
        (replaces the previous total)."""
        self._verzoek(
            "PUT",
            f"/personen/{_bsn(bsn)}/uren/participatietaalles",
            ParticipatieAlsTaalles(uren=uren),
            bericht_id,
        )

    @operatie("deletePipByBsn")
    def trek_pip_in(self, bsn: str, bericht_id: uuid.UUID | None = None) -> None:
        """Withdraw the gemeente's current PIP at DUO (the PIP was withdrawn here)."""
        self._verzoek("DELETE", f"/personen/{_bsn(bsn)}/PIP", bericht_id=bericht_id)

    @operatie("deleteExamennummerByBsn")
    def verwijder_examennummer(self, bsn: str, bericht_id: uuid.UUID | None = None) -> None:
        self._verzoek("DELETE", f"/personen/{_bsn(bsn)}/lbt/examennummer", bericht_id=bericht_id)

    @operatie("postInburgeringsaanbodByBsnAndInstellingsnummer")
    def lever_inburgeringsaanbod(
        self,
        bsn: str,
        instellingsnummer: str,
        aanbod: Inburgeringsaanbod,
        context: validatie.AanbodContext,
        bericht_id: uuid.UUID | None = None,
    ) -> None:
        """The aanbod at this instelling (sent once; a new one replaces DUO's previous one there)."""
        aanlevering = validatie.AanbodAanlevering(
            aanbod.datumInburgeringsaanbod,
            aanbod.verwachteStartdatumOpleiding,
            aanbod.verwachteEinddatumOpleiding,
        )
        _weiger_bij(validatie.aanbod_overtredingen(aanlevering, context))
        pad = f"/personen/{_bsn(bsn)}/Inburgeringsaanbod/{_instellingsnummer(instellingsnummer)}"
        self._verzoek("POST", pad, aanbod, bericht_id)

    @operatie("deleteInburgeringsaanbodByBsnAndInstellingsnumer")
    def trek_inburgeringsaanbod_in(
        self, bsn: str, instellingsnummer: str, bericht_id: uuid.UUID | None = None
    ) -> None:
        pad = f"/personen/{_bsn(bsn)}/Inburgeringsaanbod/{_instellingsnummer(instellingsnummer)}"
        self._verzoek("DELETE", pad, bericht_id=bericht_id)

    @operatie("createContactpersoon")
    def maak_contactpersoon(
        self, gegevens: Contactpersoongegevens, bericht_id: uuid.UUID | None = None
    ) -> Contactpersoon:
        """Register the klantmanager as the gemeente's contactpersoon; DUO answers with its id."""
        response = self._verzoek("POST", "/contactpersonen", gegevens, bericht_id)
        return self._antwoord(response, "POST /contactpersonen", Contactpersoon)

    @operatie("updateContactpersoonById")
    def wijzig_contactpersoon(
        self, id: int, gegevens: Contactpersoongegevens, bericht_id: uuid.UUID | None = None
    ) -> None:
        self._verzoek("PUT", f"/contactpersonen/{_id(id)}", gegevens, bericht_id)

    @operatie("deleteContactpersoonById")
    def verwijder_contactpersoon(self, id: int, bericht_id: uuid.UUID | None = None) -> None:
        """Also removes the contactpersoon's links with persons (DUO's README)."""
        self._verzoek("DELETE", f"/contactpersonen/{_id(id)}", bericht_id=bericht_id)

    @operatie("postContactpersoonByBsn")
    def koppel_contactpersoon(self, id: int, bsn: str, bericht_id: uuid.UUID | None = None) -> None:
        """The contactpersoon for this person (replaces the person's previous one)."""
        self._verzoek("POST", f"/contactpersonen/{_id(id)}/personen/{_bsn(bsn)}", bericht_id=bericht_id)

    @operatie("deleteContactpersoonByBsn")
    def ontkoppel_contactpersoon(self, id: int, bsn: str, bericht_id: uuid.UUID | None = None) -> None:
        self._verzoek("DELETE", f"/contactpersonen/{_id(id)}/personen/{_bsn(bsn)}", bericht_id=bericht_id)


def _sjabloon(pad: str) -> str:
    """The path as DUO's document names it: {bsn} instead of the BSN (never in an error text)."""
    return re.sub(r"/personen/\d{9}", "/personen/{bsn}", pad)


def _velden(fout: ValidationError) -> str:
    """Which fields broke the contract and how, in words, without the values (they may be personal)."""
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'antwoord'}: {e['msg']}" for e in fout.errors()[:5]
    )


def _id(id: int) -> int:
    if not 1 <= id <= 99999:
        raise ValueError("a contactpersoon id is 1..99999")
    return id


def _instellingsnummer(nummer: str) -> str:
    if len(nummer) != 10:
        raise ValueError("an instellingsnummer has 10 characters")
    return nummer


def _bsn(bsn: str) -> str:
    if not _BSN.match(bsn):
        raise ValueError("a BSN has 9 digits")
    return bsn


def pip_aanlevering(pip: PIP) -> validatie.PipAanlevering:
    """DUO's PIP message in the terms of DUO's rules (leerroute code mapped to our Leerroute)."""
    return validatie.PipAanlevering(
        dagtekening=pip.dagtekeningPip,
        leerroute=leerroute_van_code(pip.leerroute),
        niveau=Niveau(pip.niveau) if pip.niveau else None,
        geschatte_intensiteit_b1_route=pip.geschatteIntensiteitB1Route,
    )


def _weiger_bij(overtredingen: list[validatie.Overtreding]) -> None:
    if overtredingen:
        raise DuoValidationError(overtredingen)


def _fouttekst(response: httpx.Response) -> list[str]:
    """DUO's error body is a list of Foutmelding{fouttekst}; many error answers have no body."""
    try:
        body: Any = response.json()
    except ValueError:
        return []
    if isinstance(body, dict):
        body = [body]
    if not isinstance(body, list):
        return []
    return [f["fouttekst"] for f in body if isinstance(f, dict) and isinstance(f.get("fouttekst"), str)]
