"""The gemeente's client for DUO's M2M inburgering APIs (DUO's contract exactly, see
`duo-m2m-inburgering/API/*.openapi.yml`).

Every request carries `bron` (the gemeente's OIN), `doel` (DUO's OIN) and a fresh `berichtId`.
Reads and PUTs are retried on connection errors and 5xx with capped exponential backoff; POSTs
are sent once. Writes are first checked against DUO's published rules (R6, R13 in
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
from pydantic import BaseModel, TypeAdapter

from trajectory_service.clients.duo_models import (
    PIP,
    DatumMap,
    DatumPvt,
    Doelgroep,
    Examenresultaat,
    GevolgdeUren,
    Inburgeringsplicht,
    Inburgeringstermijn,
    JaNee,
    LeerbaarheidstoetsResultaat,
    Ontheffing,
    PipGemeente,
    ResultaatMap,
    ResultaatPvt,
    ResultaatZroute,
    UrenBericht,
    Vrijstelling,
)

T = TypeVar("T")
_BSN = re.compile(r"^\d{9}$")
_HERHAALBAAR = frozenset({"GET", "PUT"})


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

    def _verzoek(self, methode: str, pad: str, body: BaseModel | None = None) -> httpx.Response:
        json = body.model_dump(mode="json", exclude_none=True) if body is not None else None
        pogingen = self._max_pogingen if methode in _HERHAALBAAR else 1
        poging = 0
        while True:
            poging += 1
            bericht_id = str(uuid.uuid4())
            headers = {"bron": self._bron, "doel": self._doel, "berichtId": bericht_id}
            try:
                response = self._http.request(methode, pad, json=json, headers=headers)
            except httpx.TransportError as fout:
                if poging >= pogingen:
                    raise DuoUnavailableError(None, [], bericht_id, f"DUO onbereikbaar: {fout!r}") from fout
            else:
                if response.status_code < 500:
                    return self._controleer(response, bericht_id)
                if poging >= pogingen:
                    raise DuoUnavailableError(response.status_code, _fouttekst(response), bericht_id)
            self._wacht(poging)

    @staticmethod
    def _controleer(response: httpx.Response, bericht_id: str) -> httpx.Response:
        if response.is_success:
            return response
        if response.status_code == 404:
            raise DuoNotFoundError(404, _fouttekst(response), bericht_id)
        raise DuoError(response.status_code, _fouttekst(response), bericht_id)

    def _lees(self, pad: str, type_: type[T]) -> T:
        return TypeAdapter(type_).validate_json(self._verzoek("GET", pad).content)

    # reads -------------------------------------------------------------------------------------

    def inburgeringsplicht(self, bsn: str) -> Inburgeringsplicht:
        return self._lees(f"/personen/{_bsn(bsn)}/inburgeringsplicht", Inburgeringsplicht)

    def doelgroep(self, bsn: str) -> Doelgroep:
        return self._lees(f"/personen/{_bsn(bsn)}/doelgroep", Doelgroep)

    def inburgeringstermijn(self, bsn: str) -> Inburgeringstermijn:
        return self._lees(f"/personen/{_bsn(bsn)}/inburgeringstermijn", Inburgeringstermijn)

    def leerbaarheidstoets(self, bsn: str) -> list[LeerbaarheidstoetsResultaat]:
        return self._lees(f"/personen/{_bsn(bsn)}/lbt/resultaten", list[LeerbaarheidstoetsResultaat])

    def vrijstellingen(self, bsn: str) -> list[Vrijstelling]:
        return self._lees(f"/personen/{_bsn(bsn)}/vrijstellingen", list[Vrijstelling])

    def ontheffingen(self, bsn: str) -> list[Ontheffing]:
        return self._lees(f"/personen/{_bsn(bsn)}/ontheffingen", list[Ontheffing])

    def examenresultaten(self, bsn: str) -> list[Examenresultaat]:
        return self._lees(f"/personen/{_bsn(bsn)}/examens/resultaten", list[Examenresultaat])

    def pip(self, bsn: str) -> PipGemeente:
        """The PIP DUO holds now, possibly of a previous gemeente."""
        return self._lees(f"/personen/{_bsn(bsn)}/PIP", PipGemeente)

    def datum_eindgesprek_map(self, bsn: str) -> DatumMap:
        return self._lees(f"/personen/{_bsn(bsn)}/map", DatumMap)

    def datum_ondertekening_pvt(self, bsn: str) -> DatumPvt:
        return self._lees(f"/personen/{_bsn(bsn)}/pvt", DatumPvt)

    def gevolgde_uren(self, bsn: str) -> list[GevolgdeUren]:
        return self._lees(f"/personen/{_bsn(bsn)}/uren", list[GevolgdeUren])

    # writes ------------------------------------------------------------------------------------

    def registreer_pip(self, bsn: str, pip: PIP, context: validatie.PipContext) -> PIP:
        """POST the PIP (sent once, never retried); returns it as DUO records it (niveau filled in)."""
        aanlevering = pip_aanlevering(pip)
        _weiger_bij(validatie.pip_overtredingen(aanlevering, context))
        self._verzoek("POST", f"/personen/{_bsn(bsn)}/PIP", pip)
        niveau = validatie.met_standaard_niveau(aanlevering).niveau
        return pip.model_copy(update={"niveau": niveau.value if niveau else None})

    def zet_map(
        self, bsn: str, datum: date | None, verwijtbaar: JaNee | None, context: validatie.ResultaatContext
    ) -> None:
        """PUT replaces DUO's whole MAP resource: a None date or verwijtbaar withdraws what DUO held."""
        _weiger_bij(validatie.resultaat_overtredingen(validatie.MAP, datum, verwijtbaar, context))
        self._verzoek(
            "PUT",
            f"/personen/{_bsn(bsn)}/map",
            ResultaatMap(datumEindgesprekMap=datum, verwijtbaar=verwijtbaar),
        )

    def zet_pvt(
        self, bsn: str, datum: date | None, verwijtbaar: JaNee | None, context: validatie.ResultaatContext
    ) -> None:
        """PUT replaces DUO's whole PVT resource: a None date or verwijtbaar withdraws what DUO held."""
        _weiger_bij(validatie.resultaat_overtredingen(validatie.PVT, datum, verwijtbaar, context))
        self._verzoek(
            "PUT",
            f"/personen/{_bsn(bsn)}/pvt",
            ResultaatPvt(datumOndertekeningPvt=datum, verwijtbaar=verwijtbaar),
        )

    def zet_zroute(self, bsn: str, datum: date | None) -> None:
        """PUT replaces DUO's Z-route resource: None withdraws the datum afronding Z-route."""
        self._verzoek("PUT", f"/personen/{_bsn(bsn)}/zroute", ResultaatZroute(datumAfrondingZroute=datum))

    def zet_uren_taalles_knm_brede_intake(self, bsn: str, uren: int) -> None:
        """Total hours of NT2 and KNM lessons during the brede intake (replaces the previous total)."""
        self._verzoek("PUT", f"/personen/{_bsn(bsn)}/uren/bredeintake/taallesknm", UrenBericht(uren=uren))

    def zet_uren_participatieactiviteiten(self, bsn: str, uren: int) -> None:
        """Total hours of participation activities for an asielstatushouder's Z-route
        (replaces the previous total)."""
        self._verzoek("PUT", f"/personen/{_bsn(bsn)}/uren/participatieactiviteiten", UrenBericht(uren=uren))

    def zet_uren_participatie_als_taalles(self, bsn: str, uren: int) -> None:
        """Total hours of Dutch and KNM lessons at a cursusinstelling in the leerroute
        (replaces the previous total)."""
        self._verzoek("PUT", f"/personen/{_bsn(bsn)}/uren/participatietaalles", UrenBericht(uren=uren))


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
