// SOAP envelopes exactly as the Uniphore page shows them (reference/000), and a prefix-agnostic
// reading of requests: clients may bind the agent namespace to any prefix, or none.
import { XMLParser } from 'fast-xml-parser';

export const AGENT_NAMESPACE = 'http://com/jacada/interact/agent/soap';

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );

const envelope = (body: string) =>
  `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Header/><SOAP-ENV:Body>${body}</SOAP-ENV:Body></SOAP-ENV:Envelope>`;

export const uniqueIdResponse = (uniqueId: string) =>
  envelope(
    `<ns2:GetInteractionUniqueIdResponse xmlns:ns2="${AGENT_NAMESPACE}"><ns2:uniqueId>${escapeXml(uniqueId)}</ns2:uniqueId></ns2:GetInteractionUniqueIdResponse>`,
  );

/** The not-found quirk: a normal response whose uniqueId is a sentence. */
export const notFoundResponse = (value: string) =>
  uniqueIdResponse(`UUID for history search ${value} was not found`);

export const fault = (code: string, text: string) =>
  envelope(
    `<SOAP-ENV:Fault><faultcode>${escapeXml(code)}</faultcode><faultstring>${escapeXml(text)}</faultstring></SOAP-ENV:Fault>`,
  );

export const unauthorizedFault = () =>
  fault('0x7000000', 'Request is unauthorized, missing or wrong credentials');

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  processEntities: true,
  trimValues: true,
});

export type SoapRequest = { searchCreteria: string; searchValue: string } | { error: string };

export function parseUniqueIdRequest(xml: string): SoapRequest {
  let document: Record<string, unknown>;
  try {
    document = parser.parse(xml, true) as Record<string, unknown>;
  } catch (error) {
    return { error: `malformed XML: ${(error as Error).message}` };
  }
  const body = (document.Envelope as Record<string, unknown> | undefined)?.Body as
    | Record<string, unknown>
    | undefined;
  const request = body?.GetInteractionUniqueIdRequest as Record<string, unknown> | undefined;
  const searchCreteria = request?.searchCreteria;
  const searchValue = request?.searchValue;
  if (typeof searchCreteria !== 'string' || typeof searchValue !== 'string') {
    return { error: 'GetInteractionUniqueIdRequest with searchCreteria and searchValue expected' };
  }
  return { searchCreteria, searchValue };
}

export const wsdl = (endpoint: string) => `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="${AGENT_NAMESPACE}" targetNamespace="${AGENT_NAMESPACE}">
  <wsdl:types>
    <xs:schema elementFormDefault="qualified" targetNamespace="${AGENT_NAMESPACE}">
      <xs:element name="GetInteractionUniqueIdRequest">
        <xs:complexType><xs:sequence>
          <xs:element name="searchCreteria" type="xs:string"/>
          <xs:element name="searchValue" type="xs:string"/>
        </xs:sequence></xs:complexType>
      </xs:element>
      <xs:element name="GetInteractionUniqueIdResponse">
        <xs:complexType><xs:sequence><xs:element name="uniqueId" type="xs:string"/></xs:sequence></xs:complexType>
      </xs:element>
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="GetInteractionUniqueIdRequest"><wsdl:part element="tns:GetInteractionUniqueIdRequest" name="GetInteractionUniqueIdRequest"/></wsdl:message>
  <wsdl:message name="GetInteractionUniqueIdResponse"><wsdl:part element="tns:GetInteractionUniqueIdResponse" name="GetInteractionUniqueIdResponse"/></wsdl:message>
  <wsdl:portType name="Agent">
    <wsdl:operation name="GetInteractionUniqueId">
      <wsdl:input message="tns:GetInteractionUniqueIdRequest" name="GetInteractionUniqueIdRequest"/>
      <wsdl:output message="tns:GetInteractionUniqueIdResponse" name="GetInteractionUniqueIdResponse"/>
    </wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="AgentSoap11" type="tns:Agent">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="GetInteractionUniqueId">
      <soap:operation soapAction=""/>
      <wsdl:input name="GetInteractionUniqueIdRequest"><soap:body use="literal"/></wsdl:input>
      <wsdl:output name="GetInteractionUniqueIdResponse"><soap:body use="literal"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="AgentService">
    <wsdl:port binding="tns:AgentSoap11" name="AgentSoap11"><soap:address location="${escapeXml(endpoint)}"/></wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;
