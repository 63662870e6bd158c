import type { ResourceDefinition } from '../../../../shared/execute';
import { withSending } from '../../../../shared/sending';
import { platformSending } from '../common';
import { createProduct, getOrder, getProduct, getProducts, shareCatalog } from './product.operations';

export const product: ResourceDefinition = {
	name: 'Product',
	value: 'product',
	description: 'Read and create catalog products, read orders, share a catalog',
	operations: [getProducts, getProduct, ...withSending(platformSending, createProduct), getOrder, ...withSending(platformSending, shareCatalog)],
};
