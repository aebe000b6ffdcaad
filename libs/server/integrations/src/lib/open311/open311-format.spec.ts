import { XMLParser } from 'fast-xml-parser';
import { errorBody, Open311Error, render, splitFormat } from './open311-format';

describe('Open311 formats', () => {
  it('takes the format from the file name', () => {
    expect(splitFormat('services.json')).toEqual(['services', 'json']);
    expect(splitFormat('123.xml')).toEqual(['123', 'xml']);
    expect(splitFormat('services.html')).toBeNull();
  });

  it('writes lists and errors in the spec’s XML element names, escaped', () => {
    const parsed = new XMLParser().parse(render('xml', 'service_requests', [{ service_request_id: 7, status_notes: null, description: '<b>停水</b>' }]));
    expect(parsed.service_requests.request).toEqual({ service_request_id: 7, status_notes: '', description: '<b>停水</b>' });
    expect(new XMLParser().parse(errorBody('xml', new Open311Error(400, 'service_code is required'))).errors.error).toEqual({
      code: 400,
      description: 'service_code is required',
    });
    expect(JSON.parse(errorBody('json', new Open311Error(403, 'api_key is invalid')))).toEqual([{ code: 403, description: 'api_key is invalid' }]);
  });
});
